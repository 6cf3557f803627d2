-- Per clip: is every file readable, hashed and (where the card has an ASC MHL history) verified? A file the history
-- records only with hashes Rushes cannot compute, or whose history could not be read, is unverifiable: never verified.
SELECT c.clip_id,
       c.clip_name,
       c.reel,
       c.status,
       count(f.path)                                              AS files,
       count_if(size(f.hashes) > 0)                               AS files_hashed,
       count_if(f.mhl_status = 'verified')                        AS files_verified,
       count_if(f.mhl_status IN ('mismatch', 'not_in_mhl'))       AS files_failing_mhl,
       count_if(f.mhl_status IN ('unverifiable', 'mhl_unreadable')) AS files_unverifiable,
       count_if(f.error_code IS NOT NULL)                         AS files_unreadable,
       CASE
         WHEN count_if(f.error_code IS NOT NULL) > 0 OR count_if(f.mhl_status IN ('mismatch', 'not_in_mhl')) > 0 THEN 'failed'
         WHEN count_if(f.mhl_status IN ('unverifiable', 'mhl_unreadable')) > 0 THEN 'unverifiable'
         WHEN count_if(f.mhl_status = 'verified') = count(f.path) THEN 'verified'
         WHEN count_if(size(f.hashes) > 0) = count(f.path) THEN 'hashed'
         ELSE 'inspected'
       END                                                        AS verification
FROM clips c
LEFT JOIN files f ON f.clip_id = c.clip_id
GROUP BY c.clip_id, c.clip_name, c.reel, c.status
