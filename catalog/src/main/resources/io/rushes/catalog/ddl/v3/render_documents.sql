-- render_documents: the documents renders applied, by content hash
-- Schema version 3. Generated from CatalogSchema; do not edit.
CREATE TABLE IF NOT EXISTS delta.`${catalog}/render_documents` (
  document_hash STRING NOT NULL COMMENT 'xxh128 of the content',
  kind STRING NOT NULL COMMENT 'amf, fdl or deliverable',
  name STRING COMMENT 'where it was read from',
  content STRING COMMENT 'the document itself (UTF-8)'
) USING DELTA
TBLPROPERTIES ('rushes.schema.version' = '3')
