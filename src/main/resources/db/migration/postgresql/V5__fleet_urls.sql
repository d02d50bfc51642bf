-- Fleet mode, external URLs as their own work (docgate fleet worker / schedule). One row per distinct URL of the
-- whole fleet (normalised, without fragment): the shared status store that is the truth, with the next check time and
-- the in-flight lease. A corpus scan inserts the URLs it does not know (ON CONFLICT DO NOTHING) and produces only
-- those, so a URL linked from many documents and repositories is checked once per cycle; the URL worker that owns
-- the URL's host stores the result only when it is newer (checked_at); schedule leases due rows with
-- FOR UPDATE SKIP LOCKED. Keep in step with ../h2/V5__fleet_urls.sql.
CREATE TABLE fleet_urls (
  url TEXT PRIMARY KEY,
  host VARCHAR(300) NOT NULL,
  read_page BOOLEAN NOT NULL,
  -- null until the first check: the URL is pending
  outcome VARCHAR(32),
  result TEXT,
  checked_at TIMESTAMPTZ,
  checked_by VARCHAR(300),
  -- when the result last differed from the one before (a first result counts): repositories seen before are rescanned
  changed_at TIMESTAMPTZ,
  next_check_at TIMESTAMPTZ NOT NULL,
  leased_until TIMESTAMPTZ,
  leased_by VARCHAR(300)
);
CREATE INDEX fleet_urls_due ON fleet_urls (next_check_at);

-- Which repository links to which URL, and when its scan last read the URL's result: a result that changed after
-- seen_at makes schedule submit the repository again, so its stored findings catch up with the URL workers.
CREATE TABLE fleet_url_refs (
  repository TEXT NOT NULL,
  url TEXT NOT NULL,
  seen_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (repository, url)
);
CREATE INDEX fleet_url_refs_url ON fleet_url_refs (url);
