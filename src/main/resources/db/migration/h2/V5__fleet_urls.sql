-- Fleet mode, H2 flavour: the same tables as ../postgresql/V5__fleet_urls.sql (see there), so both vendors stay at one
-- schema version; the fleet itself needs PostgreSQL. Keep in step with it.
CREATE TABLE fleet_urls (
  url CHARACTER VARYING PRIMARY KEY,
  host VARCHAR(300) NOT NULL,
  read_page BOOLEAN NOT NULL,
  outcome VARCHAR(32),
  result CHARACTER VARYING,
  checked_at TIMESTAMP WITH TIME ZONE,
  checked_by VARCHAR(300),
  changed_at TIMESTAMP WITH TIME ZONE,
  next_check_at TIMESTAMP WITH TIME ZONE NOT NULL,
  leased_until TIMESTAMP WITH TIME ZONE,
  leased_by VARCHAR(300)
);
CREATE INDEX fleet_urls_due ON fleet_urls (next_check_at);

CREATE TABLE fleet_url_refs (
  repository CHARACTER VARYING NOT NULL,
  url CHARACTER VARYING NOT NULL,
  seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (repository, url)
);
CREATE INDEX fleet_url_refs_url ON fleet_url_refs (url);
