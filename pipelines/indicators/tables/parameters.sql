-- grain: one row per row of seeds/parameters.csv (or the file given to npm run indicators), in its
-- order: a number of a target's formula (target_id NULL for one that holds for every target), for the
-- grades grade_from–grade_to when it depends on the grade (else both NULL).
create or replace temp table parameters (
  target_id VARCHAR,
  parameter VARCHAR,
  grade_from INTEGER,
  grade_to INTEGER,
  value DOUBLE
)
