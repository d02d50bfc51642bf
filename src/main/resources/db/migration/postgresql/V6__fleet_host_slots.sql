-- Fleet mode: which URL-topic partition (slot) each topic key (a host, or host#j of a hot host) is produced to.
-- Assigned once, when the key is first produced, to the slot with the fewest URLs known so far (urls: the key's URL
-- count when it was placed), and never changed: a host that moved between partitions could be checked by two owners
-- at once while work for it is in flight, which would break the fleet's per-host limit. Placed by balance, not by a
-- hash, so partitions carry near-equal backlogs and the group's assignment by partition count spreads the URLs evenly.
-- Keep in step with ../h2/V6__fleet_host_slots.sql.
CREATE TABLE fleet_host_slots (
  topic_key VARCHAR(400) PRIMARY KEY,
  slot INTEGER NOT NULL,
  urls BIGINT NOT NULL,
  assigned_at TIMESTAMPTZ NOT NULL
);
-- a new key's URL count is read by host
CREATE INDEX fleet_urls_host ON fleet_urls (host);
