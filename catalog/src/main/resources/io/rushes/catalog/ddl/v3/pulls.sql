-- pulls: one row per shot of a pull list: what it asked for and what it resolved to
-- Schema version 3. Generated from CatalogSchema; do not edit.
CREATE TABLE IF NOT EXISTS delta.`${catalog}/pulls` (
  pull_id STRING NOT NULL COMMENT 'stable id: hash of the pull list\'s location and the shot\'s name and line',
  pull_list STRING NOT NULL COMMENT 'URI of the pull list',
  pull_list_hash STRING COMMENT 'xxh128 of the pull list\'s bytes',
  origin STRING COMMENT 'file and line (or JSON path) of the shot',
  shot STRING COMMENT 'shot name',
  clip_name STRING COMMENT 'source clip asked for',
  reel STRING COMMENT 'reel or tape asked for',
  source_in STRING COMMENT 'first source timecode asked for (without handles)',
  source_out STRING COMMENT 'last source timecode asked for, inclusive',
  handles INT COMMENT 'handles asked for on each side [frames]',
  status STRING NOT NULL COMMENT 'resolved, missing_frames (some frames of the range are absent) or error',
  message STRING COMMENT 'why the shot could not be resolved, or what was clamped and is missing',
  clip_id STRING COMMENT 'the one catalog clip the shot resolved to',
  first_frame BIGINT COMMENT 'first frame pulled, without handles [frame number]',
  last_frame BIGINT COMMENT 'last frame pulled, without handles [frame number]',
  head_handle INT COMMENT 'handle frames granted before the cut (clamped to the clip) [frames]',
  tail_handle INT COMMENT 'handle frames granted after the cut [frames]',
  frames BIGINT COMMENT 'frames to render, handles included [frames]',
  missing_frames ARRAY<BIGINT> COMMENT 'frames of the range absent from the catalog [frame numbers]',
  amf STRING COMMENT 'the shot\'s AMF',
  fdl STRING COMMENT 'the shot\'s FDL reference (uuid/framing decision)',
  cdl STRING COMMENT 'the editor\'s ASC CDL (slope, offset, power, saturation)',
  deliverables STRING COMMENT 'deliverables asked for (comma-separated)',
  version INT COMMENT 'version asked for',
  plates_id STRING COMMENT 'plates run that last resolved it',
  resolved_at TIMESTAMP COMMENT 'when'
) USING DELTA
TBLPROPERTIES ('rushes.schema.version' = '3')
