-- Fleet mode (docgate fleet worker): the newest stored result of each repository of the fleet. Workers upsert it only
-- when their job is newer (submitted_at, job_id), so a redelivered or late job never overwrites a newer result, and a
-- job whose row is already here is not scanned again. The runs themselves are in runs (corpus_id = repository,
-- instance = the worker). Keep in step with ../h2/V3__fleet_repositories.sql.
CREATE TABLE fleet_repositories (
  repository TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  ref VARCHAR(300),
  job_id VARCHAR(64) NOT NULL,
  submitted_at TIMESTAMPTZ NOT NULL,
  status VARCHAR(16) NOT NULL,
  run_id BIGINT,
  worker VARCHAR(300) NOT NULL,
  stored_at TIMESTAMPTZ NOT NULL,
  error TEXT
);
