-- Several docgates may share one database: every run belongs to a corpus (corpus_id, see CorpusId) and names the
-- process that wrote it (instance, host:pid). Runs stored before this migration belong to the corpus whose folder
-- they name. Keep in step with ../h2/V2__runs_per_corpus.sql.
ALTER TABLE runs ADD COLUMN corpus_id TEXT;
UPDATE runs SET corpus_id = corpus;
ALTER TABLE runs ALTER COLUMN corpus_id SET NOT NULL;
ALTER TABLE runs ADD COLUMN instance VARCHAR(300);
DROP INDEX runs_status_id;
CREATE INDEX runs_corpus_status_id ON runs (corpus_id, status, id);
