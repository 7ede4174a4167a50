-- top_entities_of_day: the most mentioned entities of one day, per label.
--
-- Answers: who and what was in the news that day? For each label (PERSON, ORG, GPE, FAC, ...)
-- the entities with the most mentions, ranked by mentions, then articles, then name, with the
-- number of articles that mention them, the canonical name, the entity_id, the country code
-- of places (from the entities dimension) and the ways the name was written.
--
-- Parameters:
--   $day    DATE     required  the day (the dt partition)
--   $label  VARCHAR  NULL      only this label, e.g. ORG; NULL: every label
--   $limit  INTEGER  10        entities per label
--
-- Example:
--   newsgraph query top_entities_of_day --param day=2025-09-01 --param label=ORG --param limit=5

WITH params AS (
    SELECT CAST($day AS DATE)              AS day,
           upper(CAST($label AS VARCHAR))  AS label,
           CAST($limit AS INTEGER)         AS top_n
),
per_entity AS (
    SELECT m.label,
           m.entity_id,
           min(m.canonical_name)                                 AS canonical_name,
           count(*)                                              AS mentions,
           count(DISTINCT m.article_id)                          AS articles,
           string_agg(DISTINCT m.text, ' | ' ORDER BY m.text)    AS written_as
    FROM entity_mentions AS m, params AS p
    WHERE m.dt = p.day
      AND (p.label IS NULL OR m.label = p.label)
    GROUP BY m.label, m.entity_id
),
ranked AS (
    SELECT *,
           row_number() OVER (PARTITION BY label
                              ORDER BY mentions DESC, articles DESC, canonical_name, entity_id) AS rank
    FROM per_entity
)
SELECT r.label,
       r.rank,
       r.canonical_name,
       r.entity_id,
       r.mentions,
       r.articles,
       e.country_code,
       r.written_as
FROM ranked AS r
LEFT JOIN entities AS e USING (entity_id)
WHERE r.rank <= (SELECT top_n FROM params)
ORDER BY r.label, r.rank;
