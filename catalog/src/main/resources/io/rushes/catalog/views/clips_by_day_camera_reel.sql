-- What was shot each day, by camera and reel: clip count, frames, running time and volume.
SELECT record_date,
       camera_label,
       camera_model,
       camera_serial,
       reel,
       count(*)                       AS clips,
       sum(frame_count)               AS frames,
       round(sum(duration_s), 3)      AS duration_s,
       sum(total_bytes)               AS bytes,
       min(start_timecode)            AS first_timecode,
       max(end_timecode)              AS last_timecode
FROM clips
GROUP BY record_date, camera_label, camera_model, camera_serial, reel
