-- Lens and exposure report: which lenses, focal lengths, stops and ISO/EI were used, per camera.
SELECT camera_model,
       camera_serial,
       lens_model,
       focal_length_mm,
       coalesce(t_stop, f_number) AS stop,
       iso,
       white_balance_k,
       count(*)                   AS clips,
       min(record_date)           AS first_day,
       max(record_date)           AS last_day
FROM clips
GROUP BY camera_model, camera_serial, lens_model, focal_length_mm, coalesce(t_stop, f_number), iso, white_balance_k
