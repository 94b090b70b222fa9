-- grain: one row per health target × year × applicable school, plus the district row
-- (school_id null) pooled over the applicable schools. The school's row is the unit: a row that
-- leaves a count of the target's pair blank is left out (the school then has no value for it).
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
  select
    v.target_id,
    v.year,
    v.school_id,
    case when v.numerator is not null and v.denominator is not null then v.numerator end as numerator,
    case when v.numerator is not null and v.denominator is not null then v.denominator end as denominator,
    (v.numerator is null or v.denominator is null)::INTEGER as units_left_out
  from school_values as v
  join applicable as a on a.target_id = v.target_id and a.school_id = v.school_id
),

health_values as (
  select target_id, year, school_id, numerator, denominator, numerator / nullif(denominator, 0) as value, units_left_out
  from applicable_values
  union all
  select target_id, year, null, sum(numerator), sum(denominator), sum(numerator) / nullif(sum(denominator), 0), null
  from applicable_values
  group by target_id, year
)

select * from health_values
