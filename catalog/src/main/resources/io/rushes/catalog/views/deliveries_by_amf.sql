-- Which deliveries used an AMF (by the file it was read from or its content hash):
--   SELECT * FROM deliveries_by_amf WHERE amf_name LIKE '%/SH010.amf'
SELECT r.amf_hash,
       d.name                 AS amf_name,
       r.shot,
       r.version,
       r.deliverable,
       count(*)               AS files,
       sum(r.bytes)           AS bytes,
       min(r.rendered_at)     AS first_rendered_at,
       max(r.rendered_at)     AS last_rendered_at
FROM renders r
LEFT JOIN render_documents d ON d.document_hash = r.amf_hash
WHERE r.status = 'ok' AND r.amf_hash IS NOT NULL
GROUP BY r.amf_hash, d.name, r.shot, r.version, r.deliverable
