-- co_mentions: who is mentioned with whom.
--
-- Answers: which entities appear together? For each pair of entities mentioned in the same
-- article on the days asked for: in how many sentences both are mentioned, in how many
-- articles, and on how many days. Pairs are ranked by shared sentences, then shared articles.
-- Without $entity each pair appears once (entity_a before entity_b by name); with $entity
-- the entity asked for is entity_a and entity_b lists everyone mentioned with it.
--
-- Parameters:
--   $day     DATE     NULL  first day; NULL: from the first published day
--   $to_day  DATE     NULL  last day, inclusive; NULL: $day alone (every day when $day is NULL too)
--   $entity  VARCHAR  NULL  only pairs with this entity: its entity_id or canonical name (any case)
--   $limit   INTEGER  50    rows
--
-- Example:
--   newsgraph query co_mentions --param day=2025-09-01 --param entity="International Monetary Fund"

WITH params AS (
    SELECT CAST($day AS DATE)                                   AS first_day,
           coalesce(CAST($to_day AS DATE), CAST($day AS DATE))  AS last_day,
           CAST($entity AS VARCHAR)                             AS entity
),
in_range AS (
    SELECT m.*
    FROM entity_mentions AS m, params AS p
    WHERE (p.first_day IS NULL OR m.dt >= p.first_day)
      AND (p.last_day IS NULL OR m.dt <= p.last_day)
),
names AS (
    SELECT entity_id, min(label) AS label, min(canonical_name) AS canonical_name
    FROM in_range
    GROUP BY entity_id
),
wanted AS (
    SELECT n.entity_id
    FROM names AS n, params AS p
    WHERE n.entity_id = p.entity OR lower(n.canonical_name) = lower(p.entity)
),
-- each entity once per sentence, and once per article
in_sentence AS (SELECT DISTINCT dt, article_id, sentence_idx, entity_id FROM in_range),
in_article  AS (SELECT DISTINCT dt, article_id, entity_id FROM in_range),
sentence_pairs AS (
    SELECT a.entity_id AS id_a, b.entity_id AS id_b, count(*) AS sentences
    FROM in_sentence AS a
    JOIN in_sentence AS b
      ON a.dt = b.dt AND a.article_id = b.article_id AND a.sentence_idx = b.sentence_idx
     AND a.entity_id <> b.entity_id
    GROUP BY ALL
),
article_pairs AS (
    SELECT a.entity_id AS id_a, b.entity_id AS id_b, count(*) AS articles, count(DISTINCT a.dt) AS days
    FROM in_article AS a
    JOIN in_article AS b
      ON a.dt = b.dt AND a.article_id = b.article_id AND a.entity_id <> b.entity_id
    GROUP BY ALL
)
SELECT na.label                       AS label_a,
       na.canonical_name              AS entity_a,
       nb.label                       AS label_b,
       nb.canonical_name              AS entity_b,
       coalesce(sp.sentences, 0)      AS sentences,
       ap.articles,
       ap.days,
       ap.id_a                        AS entity_id_a,
       ap.id_b                        AS entity_id_b
FROM article_pairs AS ap
LEFT JOIN sentence_pairs AS sp USING (id_a, id_b)
JOIN names AS na ON na.entity_id = ap.id_a
JOIN names AS nb ON nb.entity_id = ap.id_b
CROSS JOIN params AS p
WHERE CASE
        WHEN p.entity IS NULL THEN (na.canonical_name, na.entity_id) < (nb.canonical_name, nb.entity_id)
        ELSE ap.id_a IN (SELECT entity_id FROM wanted)
      END
ORDER BY sentences DESC, ap.articles DESC, entity_a, entity_b, entity_id_a, entity_id_b
LIMIT CAST($limit AS INTEGER);
