-- What must be re-rendered if a grade changes: every delivered shot version by the editor's CDL and the AMF it used:
--   SELECT * FROM rerender_if_cdl_changes WHERE cdl = 'slope 1.1 1 1 offset 0 0 0 power 1 1 1 sat 1'
--   SELECT * FROM rerender_if_cdl_changes WHERE amf_name LIKE '%/SH010.amf'
SELECT r.cdl,
       r.amf_hash,
       d.name          AS amf_name,
       r.shot,
       r.version,
       r.deliverable,
       count(*)        AS files,
       min(r.source_frame) AS first_frame,
       max(r.source_frame) AS last_frame
FROM renders r
LEFT JOIN render_documents d ON d.document_hash = r.amf_hash
WHERE r.status = 'ok' AND (r.cdl IS NOT NULL OR r.amf_hash IS NOT NULL)
GROUP BY r.cdl, r.amf_hash, d.name, r.shot, r.version, r.deliverable
