-- money_by_currency: money amounts per day and currency.
--
-- Answers: how much money was reported, in which currencies? Per day and ISO 4217 currency
-- (NULL: the currency could not be told): the number of amounts and of articles, the sum of
-- `value` in that currency, the sum of `value_usd`, how many amounts have no USD value and
-- how many carry a `usd_note` (no ECB rate for the currency, or another day's rate used),
-- with the distinct notes. Sums add up every amount as written, so an amount repeated in
-- several articles counts once per article.
--
-- Parameters:
--   $day     DATE  NULL  first day; NULL: from the first published day
--   $to_day  DATE  NULL  last day, inclusive; NULL: $day alone (every day when $day is NULL too)
--
-- Example:
--   newsgraph query money_by_currency --param day=2025-09-01

WITH params AS (
    SELECT CAST($day AS DATE)                                   AS first_day,
           coalesce(CAST($to_day AS DATE), CAST($day AS DATE))  AS last_day
)
SELECT a.dt,
       a.currency,
       count(*)                                                 AS amounts,
       count(DISTINCT a.article_id)                             AS articles,
       sum(a.value)                                             AS value_sum,
       sum(a.value_usd)                                         AS value_usd_sum,
       count(*) FILTER (WHERE a.value_usd IS NULL)              AS without_usd,
       count(a.usd_note)                                        AS with_usd_note,
       string_agg(DISTINCT a.usd_note, '; ' ORDER BY a.usd_note) AS usd_notes
FROM amounts AS a, params AS p
WHERE (p.first_day IS NULL OR a.dt >= p.first_day)
  AND (p.last_day IS NULL OR a.dt <= p.last_day)
GROUP BY a.dt, a.currency
ORDER BY a.dt, a.currency NULLS LAST;
