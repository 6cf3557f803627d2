-- Each clip's timecode range as frame numbers, for "which clip holds 10:04:12:05 on reel A001" searches:
--   SELECT * FROM clip_timecode_ranges WHERE reel = 'A001R1BB'
--     AND tc_to_frames('10:04:12:05', timecode_rate) BETWEEN start_frame AND end_frame
SELECT clip_id,
       clip_name,
       reel,
       camera_label,
       record_date,
       start_timecode,
       end_timecode,
       timecode_rate,
       drop_frame,
       tc_to_frames(start_timecode, timecode_rate) AS start_frame,
       tc_to_frames(end_timecode, timecode_rate)   AS end_frame,
       project_fps
FROM clips
WHERE start_timecode IS NOT NULL
