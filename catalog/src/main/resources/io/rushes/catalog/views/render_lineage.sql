-- What made each file: its source frame, the documents applied and the pull list line that asked for it:
--   SELECT * FROM render_lineage WHERE output_path LIKE '%/SH010_BG01_v001.1001.exr'
SELECT r.output_path,
       r.xxh128,
       r.status,
       r.shot,
       r.version,
       r.deliverable,
       r.source_path,
       r.source_hash,
       r.source_frame,
       r.source_timecode,
       p.pull_list,
       p.origin,
       r.cdl,
       r.amf_hash,
       amf.name  AS amf_name,
       r.fdl_hash,
       fdl.name  AS fdl_name,
       r.spec_hash,
       spec.name AS spec_name,
       r.parameters_hash,
       r.engine_version,
       r.rendered_at
FROM renders r
LEFT JOIN pulls p ON p.pull_id = r.pull_id
LEFT JOIN render_documents amf ON amf.document_hash = r.amf_hash
LEFT JOIN render_documents fdl ON fdl.document_hash = r.fdl_hash
LEFT JOIN render_documents spec ON spec.document_hash = r.spec_hash
