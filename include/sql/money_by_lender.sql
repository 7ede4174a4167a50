-- money_by_lender: loans and credit per lender and currency.
--
-- Answers: who is lending or providing money, and how much? Amounts that are loans or credit
-- are attributed to the organisation or place of their sentence that lends them, then summed
-- per lender and currency, with the amounts listed and the rule that named each lender.
--
-- How an amount counts as lending: its `subject` names a loan (loan(s), credit(s), financing,
-- facility, bailout, rollover, lending: "a $750 million loan", "a €450 million credit line"),
-- or its sentence has a lending verb before or after it (lend, lends, lending, lent,
-- borrow(s/ed/ing), refinance(d/s), roll(s/ed) over: "is also lending Kenya $300 million").
-- Its sentence is approximated by the article text up to 300 characters either side of the
-- amount, cut at the nearest ". ", "! " or "? ".
--
-- How its lender is chosen: among the ORG and GPE entities of the amount's sentence (those in
-- `amounts.entity_ids`), by the first rule that applies (the `rules` column names it):
--   1. subject    an ORG named in the amount's subject: "a $7 billion IMF loan program"
--   2. from       an ORG or GPE after the amount, right after "from": "borrow $1 billion from Afreximbank"
--   3. first ORG  the first ORG of the sentence before the amount: "The World Bank approved a $750 million loan"
--   4. first GPE  the first GPE of the sentence before the amount, a dateline ("NAIROBI:") aside:
--                 "China rolled over $3.4 billion in loans"
-- It is a heuristic over the extracted entities, not a parse of who lends to whom: a borrower
-- named first with no "from" ("Kenya took a $1 billion loan") is taken for the lender, and
-- lenders the extractor missed or labelled otherwise (NORP, PERSON) are not found.
-- Lending amounts without any candidate are left out.
--
-- Parameters:
--   $day     DATE     NULL  first day; NULL: from the first published day
--   $to_day  DATE     NULL  last day, inclusive; NULL: $day alone (every day when $day is NULL too)
--   $lender  VARCHAR  NULL  only this lender: its entity_id or canonical name (any case)
--
-- Example:
--   newsgraph query money_by_lender --param day=2025-09-01

WITH params AS (
    SELECT CAST($day AS DATE)                                   AS first_day,
           coalesce(CAST($to_day AS DATE), CAST($day AS DATE))  AS last_day,
           CAST($lender AS VARCHAR)                             AS lender
),
in_range AS (
    -- each amount with the words of its sentence before and after it
    SELECT a.*,
           list_last(regexp_split_to_array(
               substr(t.text, greatest(a.start_char - 300, 0) + 1, a.start_char - greatest(a.start_char - 300, 0)),
               '[.!?]\s'))                                                   AS words_before,
           regexp_split_to_array(substr(t.text, a.end_char + 1, 300), '[.!?]\s')[1] AS words_after
    FROM amounts AS a
    JOIN articles AS t USING (dt, article_id)
    CROSS JOIN params AS p
    WHERE (p.first_day IS NULL OR a.dt >= p.first_day)
      AND (p.last_day IS NULL OR a.dt <= p.last_day)
),
lending AS (
    SELECT *
    FROM in_range
    WHERE regexp_matches(lower(subject),
                         '\b(loans?|credits?|financing|facility|bailout|rollover|lending)\b')
       OR regexp_matches(lower(concat_ws(' ', words_before, words_after)),
                         '\b(lend|lends|lending|lent|borrow|borrows|borrowed|borrowing|refinance|refinanced|refinances|roll over|rolls over|rolled over)\b')
),
sentence_entities AS (
    -- ORG and GPE mentions, with what the rules look at around them
    SELECT m.dt, m.article_id, m.sentence_idx, m.entity_id, m.label, m.canonical_name, m.text,
           m.start_char, m.end_char,
           m.start_char >= 5 AND lower(substr(t.text, m.start_char - 4, 5)) = 'from '  AS after_from,
           m.start_char = 0 AND substr(t.text, m.end_char + 1, 1) = ':'                AS dateline
    FROM entity_mentions AS m
    JOIN articles AS t USING (dt, article_id)
    WHERE m.label IN ('ORG', 'GPE')
),
candidates AS (
    SELECT l.dt, l.amount_id, l.text AS amount, l.subject, l.currency, l.value, l.value_usd, l.start_char,
           e.entity_id, e.label, e.canonical_name,
           CASE
               WHEN e.label = 'ORG' AND l.subject IS NOT NULL
                    AND regexp_matches(l.subject, '\b' || regexp_escape(e.text) || '\b', 'i')  THEN 1
               WHEN e.start_char >= l.end_char AND e.after_from                                THEN 2
               WHEN e.start_char < l.start_char AND e.label = 'ORG'                            THEN 3
               WHEN e.start_char < l.start_char AND e.label = 'GPE' AND NOT e.dateline         THEN 4
           END AS rule,
           e.start_char AS entity_start
    FROM lending AS l
    JOIN sentence_entities AS e
      ON e.dt = l.dt AND e.article_id = l.article_id AND e.sentence_idx = l.sentence_idx
     AND list_contains(l.entity_ids, e.entity_id)
),
attributed AS (
    SELECT *, ['subject', 'from', 'first ORG', 'first GPE'][rule] AS how
    FROM candidates
    WHERE rule IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY dt, amount_id ORDER BY rule, entity_start) = 1
)
SELECT min(a.canonical_name)                                                    AS lender,
       min(a.label)                                                             AS label,
       a.entity_id,
       a.currency,
       count(*)                                                                 AS amounts,
       sum(a.value)                                                             AS value_sum,
       sum(a.value_usd)                                                         AS value_usd_sum,
       min(a.dt)                                                                AS first_day,
       max(a.dt)                                                                AS last_day,
       string_agg(a.amount || coalesce(' ' || a.subject, ''), '; ' ORDER BY a.dt, a.start_char) AS loans,
       string_agg(DISTINCT a.how, ', ' ORDER BY a.how)                             AS rules
FROM attributed AS a, params AS p
WHERE p.lender IS NULL OR a.entity_id = p.lender OR lower(a.canonical_name) = lower(p.lender)
GROUP BY a.entity_id, a.currency
ORDER BY value_usd_sum DESC NULLS LAST, lender, a.currency;
