-- grain: one row per target × year × school (school_id NULL for a district row): what the family SQL
-- files yield (each file's rows are inserted by name), before the status step judges them.
-- rule_met: a family's own rule besides the threshold (NULL when it has none); units_left_out: units
-- lacking a count the formula needs; schools_reported: set by a family that counts the schools behind
-- its value itself (else NULL, and the status step counts them).
create or replace temp table family_values (
  target_id VARCHAR,
  year INTEGER,
  school_id VARCHAR,
  numerator DOUBLE,
  denominator DOUBLE,
  value DOUBLE,
  rule_met BOOLEAN,
  units_left_out INTEGER,
  schools_reported INTEGER
)
