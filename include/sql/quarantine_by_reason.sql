-- quarantine_by_reason: rejected inputs per day and reason.
--
-- Answers: what could not be loaded, and why? Per day and reason code (empty_text, bad_json,
-- duplicate, not_utf8, ...): the number of rejected inputs and the first five input paths
-- (relative to the landing root; "#N" is a line or item of a file), with the detail message of the first one.
--
-- Parameters:
--   $day     DATE  NULL  first day; NULL: from the first published day
--   $to_day  DATE  NULL  last day, inclusive; NULL: $day alone (every day when $day is NULL too)
--
-- Example:
--   newsgraph query quarantine_by_reason --param day=2025-09-01 --param to_day=2025-09-30

WITH params AS (
    SELECT CAST($day AS DATE)                                   AS first_day,
           coalesce(CAST($to_day AS DATE), CAST($day AS DATE))  AS last_day
)
SELECT q.dt,
       q.reason,
       count(*)                                                           AS inputs,
       list_slice(list(q.input_path ORDER BY q.input_path), 1, 5)         AS first_inputs,
       first(q.detail ORDER BY q.input_path)                              AS example_detail
FROM quarantine AS q, params AS p
WHERE (p.first_day IS NULL OR q.dt >= p.first_day)
  AND (p.last_day IS NULL OR q.dt <= p.last_day)
GROUP BY q.dt, q.reason
ORDER BY q.dt, inputs DESC, q.reason;
