-- grain: one row per special-education target × year × applicable school, plus the district row
-- (school_id null) pooled over the applicable schools (macro pooled_pairs). Counts only (special_needs
-- names no pupil). A row that leaves a count blank is left out (the school then has no value and is
-- incomplete).
with school_values as (
  select 'special.individual_plans' as target_id, year, school_id, with_plan as numerator, pupils as denominator
  from special_needs
)

select * from pooled_pairs('school_values')
