-- grain: one row per health target × year × applicable school, plus the district row
-- (school_id null) pooled over the applicable schools (macro pooled_pairs). The school's row is the
-- unit: a row that leaves a count of the target's pair blank is left out (the school then has no value
-- for it).
with school_values as (
  select 'health.tb_screening' as target_id, year, school_id, tb_screened as numerator, tb_required as denominator
  from health
  union all
  select 'health.vaccination_check', year, school_id, vaccination_checked, vaccination_required
  from health
  union all
  select 'health.psych_checkup', year, school_id, psych_checked, psych_required
  from health
)

select * from pooled_pairs('school_values')
