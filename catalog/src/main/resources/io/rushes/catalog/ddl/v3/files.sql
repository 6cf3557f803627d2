-- files: one row per file of every clip
-- Schema version 3. Generated from CatalogSchema; do not edit.
CREATE TABLE IF NOT EXISTS delta.`${catalog}/files` (
  path STRING NOT NULL COMMENT 'full URI of the file',
  clip_id STRING NOT NULL COMMENT 'the clip it belongs to',
  relative_path STRING COMMENT 'path below the ingested source',
  size BIGINT COMMENT 'bytes',
  modified_at TIMESTAMP COMMENT 'storage modification time',
  frame BIGINT COMMENT 'frame number in a sequence',
  format STRING COMMENT 'format detected by content',
  hashes MAP<STRING, STRING> COMMENT 'hash algorithm (MHL name) to hex digest',
  mhl_status STRING COMMENT 'verified, mismatch, not_in_mhl, unverifiable (recorded only with hashes Rushes cannot compute) or mhl_unreadable (the history could not be read) when the source has an ASC MHL history; else null',
  error_code STRING COMMENT 'error code when this file could not be read',
  fingerprint STRING NOT NULL COMMENT 'hash of the row\'s content: a re-run rewrites a row only when it changed',
  ingest_id STRING COMMENT 'ingest that last changed this row'
) USING DELTA
TBLPROPERTIES ('rushes.schema.version' = '3')
