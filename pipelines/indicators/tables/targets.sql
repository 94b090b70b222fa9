-- grain: one row per target of the registry (seeds/targets.csv, or the file given to npm run indicators),
-- as the families and steps read it: tally (a district count that can only grow as schools report:
-- large classes, oversized schools), the measure a generic family reads (NULL for none), the unit shown
-- and the year the target is to be reached by.
create or replace temp table targets (
  target_id VARCHAR,
  scope VARCHAR,
  comparator VARCHAR,
  threshold DOUBLE,
  tally BOOLEAN,
  measure VARCHAR,
  display_unit VARCHAR,
  target_year INTEGER
)
