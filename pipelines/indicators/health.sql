-- grain: one row per health target × year × applicable school, plus the district row
-- (school_id null) pooled over the applicable schools.
with school_values as (
  select 'health.tb_screening' as target_id, year, school_id, tb_screened as numerator, tb_required as denominator
  from health
  union all
  select 'health.vaccination_check', year, school_id, vaccination_checked, vaccination_required
  from health
  union all
  select 'health.psych_checkup', year, school_id, psych_checked, psych_required
  from health
),

applicable_values as (
  select v.*
  from school_values as v
  join applicable as a on a.target_id = v.target_id and a.school_id = v.school_id
  -- a school that left the pair empty has not reported this check
  where v.numerator is not null and v.denominator is not null
),

health_values as (
  select target_id, year, school_id, numerator, denominator, numerator / nullif(denominator, 0) as value
  from applicable_values
  union all
  select target_id, year, null, sum(numerator), sum(denominator), sum(numerator) / nullif(sum(denominator), 0)
  from applicable_values
  group by target_id, year
)

select * from health_values
