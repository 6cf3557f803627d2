-- ingests: one row per distinct ingest (same source contents, same id)
-- Schema version 3. Generated from CatalogSchema; do not edit.
CREATE TABLE IF NOT EXISTS delta.`${catalog}/ingests` (
  ingest_id STRING NOT NULL COMMENT 'stable id: hash of the source, its listing and the options',
  source STRING NOT NULL COMMENT 'URI of the card or turnover ingested',
  status STRING NOT NULL COMMENT 'running, complete or failed',
  started_at TIMESTAMP COMMENT 'first start of this ingest',
  finished_at TIMESTAMP COMMENT 'when it completed',
  clips_total BIGINT COMMENT 'clips found',
  clips_ok BIGINT COMMENT 'clips read without error',
  clips_failed BIGINT COMMENT 'clips with status error or unsupported',
  files_total BIGINT COMMENT 'files in clips',
  bytes_total BIGINT COMMENT 'bytes in clips',
  error_count BIGINT COMMENT 'rows written to ingest_errors',
  hash_algorithms STRING COMMENT 'file hashes computed (comma-separated), empty for none',
  engine_version STRING COMMENT 'Rushes version',
  spark_version STRING COMMENT 'Spark version',
  failure STRING COMMENT 'why a failed ingest stopped (its rounds committed before stay); null otherwise'
) USING DELTA
TBLPROPERTIES ('rushes.schema.version' = '3')
