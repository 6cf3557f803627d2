-- ingest_errors: one row per failure: which file, which stage, why, how to fix
-- Schema version 3. Generated from CatalogSchema; do not edit.
CREATE TABLE IF NOT EXISTS delta.`${catalog}/ingest_errors` (
  error_id STRING NOT NULL COMMENT 'stable id: hash of path, stage, code and message',
  clip_id STRING COMMENT 'clip the file belongs to',
  path STRING COMMENT 'file that failed',
  stage STRING NOT NULL COMMENT 'inspect, hash, list or write',
  code STRING NOT NULL COMMENT 'error code (TRUNCATED, CORRUPT, UNSUPPORTED_FORMAT…)',
  user_error BOOLEAN NOT NULL COMMENT 'true: the input is at fault; false: a bug in Rushes',
  byte_offset BIGINT COMMENT 'offset in the file where known',
  message STRING NOT NULL COMMENT 'what failed, where, why, and the fix',
  ingest_id STRING COMMENT 'ingest that recorded it'
) USING DELTA
TBLPROPERTIES ('rushes.schema.version' = '3')
