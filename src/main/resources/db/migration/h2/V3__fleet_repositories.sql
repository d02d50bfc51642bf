-- Fleet mode (docgate fleet worker), H2 flavour: the same table as the PostgreSQL one, so both vendors stay at one
-- schema version; the fleet itself needs PostgreSQL (workers are several processes). Keep in step with
-- ../postgresql/V3__fleet_repositories.sql.
CREATE TABLE fleet_repositories (
  repository CHARACTER VARYING PRIMARY KEY,
  source CHARACTER VARYING NOT NULL,
  ref VARCHAR(300),
  job_id VARCHAR(64) NOT NULL,
  submitted_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  status VARCHAR(16) NOT NULL,
  run_id BIGINT,
  worker VARCHAR(300) NOT NULL,
  stored_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  error CHARACTER VARYING
);
