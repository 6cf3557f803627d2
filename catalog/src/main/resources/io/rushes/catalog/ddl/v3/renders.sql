-- renders: one row per rendered file (or failure to render it), with its lineage
-- Schema version 3. Generated from CatalogSchema; do not edit.
CREATE TABLE IF NOT EXISTS delta.`${catalog}/renders` (
  render_id STRING NOT NULL COMMENT 'stable id: hash of the delivery root, shot, version, deliverable and source frame (or movie)',
  shot STRING COMMENT 'shot name',
  version INT COMMENT 'version delivered',
  deliverable STRING COMMENT 'deliverable name',
  pull_id STRING COMMENT 'the pulls row',
  clip_id STRING COMMENT 'source clip',
  source_path STRING COMMENT 'source file (the first of a movie\'s)',
  source_hash STRING COMMENT 'the source file\'s xxh128 from the catalog, else size:modified-time',
  source_frame BIGINT COMMENT 'source frame number (null for a movie)',
  source_timecode STRING COMMENT 'source timecode of the frame (of a movie\'s first frame)',
  amf_hash STRING COMMENT 'xxh128 of the AMF applied (render_documents)',
  fdl_hash STRING COMMENT 'xxh128 of the FDL applied (render_documents)',
  spec_hash STRING COMMENT 'xxh128 of the deliverable specification (render_documents)',
  cdl STRING COMMENT 'the editor\'s ASC CDL recorded with the shot',
  parameters_hash STRING NOT NULL COMMENT 'hash over every input above that shapes the pixels: equal means the same file',
  shot_parameters_hash STRING NOT NULL COMMENT 'hash over the shot\'s frame range and parameters: a version\'s identity',
  engine_version STRING COMMENT 'Rushes version that rendered it',
  output_path STRING COMMENT 'URI of the file written',
  frames BIGINT COMMENT 'frames in the file [frames]',
  image_size STRING COMMENT 'width x height',
  bytes BIGINT COMMENT 'file size [bytes]',
  xxh128 STRING COMMENT 'xxh128 of the file as written',
  render_ms DOUBLE COMMENT 'time the file took [ms]',
  status STRING NOT NULL COMMENT 'ok or failed',
  error_code STRING COMMENT 'error code when it failed',
  message STRING COMMENT 'why it failed, and the fix; warnings otherwise',
  plates_id STRING COMMENT 'plates run that rendered it',
  rendered_at TIMESTAMP COMMENT 'when'
) USING DELTA
TBLPROPERTIES ('rushes.schema.version' = '3')
