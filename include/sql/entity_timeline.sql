-- entity_timeline: one entity's mentions day by day.
--
-- Answers: when was this person, organisation or place in the news, and how much? One row
-- per day the entity is mentioned: mentions, articles, the roles written with the name and
-- the ways it was written that day, plus the first and last day it was seen over the whole
-- timeline. An entity is given by its entity_id or its canonical name (any case); a name
-- shared by entities of different labels (a GPE and an ORG), or by places in different
-- countries (Hyderabad in Pakistan and in India), gives one timeline per entity.
--
-- Parameters:
--   $entity  VARCHAR  required  entity_id or canonical name
--
-- Example:
--   newsgraph query entity_timeline --param entity="Shehbaz Sharif"

WITH params AS (
    SELECT CAST($entity AS VARCHAR) AS entity
),
matching AS (
    SELECT DISTINCT m.entity_id
    FROM entity_mentions AS m, params AS p
    WHERE m.entity_id = p.entity OR lower(m.canonical_name) = lower(p.entity)
),
per_day AS (
    SELECT m.entity_id,
           m.dt,
           min(m.label)                                                    AS label,
           min(m.canonical_name)                                           AS canonical_name,
           count(*)                                                        AS mentions,
           count(DISTINCT m.article_id)                                    AS articles,
           string_agg(DISTINCT m.role, ' | ' ORDER BY m.role)              AS roles,
           string_agg(DISTINCT m.text, ' | ' ORDER BY m.text)              AS written_as
    FROM entity_mentions AS m
    WHERE m.entity_id IN (SELECT entity_id FROM matching)
    GROUP BY m.entity_id, m.dt
)
SELECT dt,
       canonical_name,
       label,
       entity_id,
       mentions,
       articles,
       min(dt) OVER (PARTITION BY entity_id) AS first_seen,
       max(dt) OVER (PARTITION BY entity_id) AS last_seen,
       roles,
       written_as
FROM per_day
ORDER BY canonical_name, label, entity_id, dt;
