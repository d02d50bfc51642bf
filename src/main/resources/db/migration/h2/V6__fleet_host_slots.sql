-- Fleet mode, H2 flavour: the same table as ../postgresql/V6__fleet_host_slots.sql (see there), so both vendors stay
-- at one schema version; the fleet itself needs PostgreSQL. Keep in step with it.
CREATE TABLE fleet_host_slots (
  topic_key VARCHAR(400) PRIMARY KEY,
  slot INTEGER NOT NULL,
  urls BIGINT NOT NULL,
  assigned_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX fleet_urls_host ON fleet_urls (host);
