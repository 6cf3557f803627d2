-- Frame sequences with frames missing inside their range: what to re-copy from the card.
SELECT clip_name,
       reel,
       directory,
       first_frame,
       last_frame,
       frame_count,
       missing_frame_count,
       missing_frames,
       source
FROM clips
WHERE missing_frame_count > 0
