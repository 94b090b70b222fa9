-- grain: one row per special-education target × year × applicable school, plus the district row
-- (school_id null) pooled over the applicable schools. Counts only (special_needs names no pupil).
-- A row that leaves a count blank is left out (the school then has no value and is incomplete).
with school_values as (
  select 'special.individual_plans' as target_id, year, school_id, with_plan as numerator, pupils as denominator
  from special_needs
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

special_values as (
  select target_id, year, school_id, numerator, denominator, numerator / nullif(denominator, 0) as value, units_left_out
  from applicable_values
  union all
  select target_id, year, null, sum(numerator), sum(denominator), sum(numerator) / nullif(sum(denominator), 0), null
  from applicable_values
  group by target_id, year
)

select * from special_values
