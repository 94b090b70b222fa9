-- macro pooled_pairs(school_values) → table: the values of a family whose targets are each one count over
-- another at every school (health, special education). school_values names a query of the calling SQL (a
-- CTE) with columns target_id, year, school_id, numerator, denominator. Only the schools the target
-- applies to (scratch table `applicable`) count. The school's row is the unit: a row that leaves a count
-- of the pair blank is left out (the school has no value, units_left_out 1), never read as 0. The district
-- row pools the schools' counts: the sum of numerators over the sum of denominators.
-- grain: one row per target × year × applicable school, plus the district row (school_id null) per
-- target × year; columns target_id, year, school_id, numerator, denominator, value, units_left_out.
create or replace temp macro pooled_pairs(school_values) as table
with applicable_values as (
  select
    v.target_id,
    v.year,
    v.school_id,
    case when v.numerator is not null and v.denominator is not null then v.numerator end as numerator,
    case when v.numerator is not null and v.denominator is not null then v.denominator end as denominator,
    (v.numerator is null or v.denominator is null)::INTEGER as units_left_out
  from query_table(school_values) as v
  join applicable as a on a.target_id = v.target_id and a.school_id = v.school_id
)

select target_id, year, school_id, numerator, denominator, numerator / nullif(denominator, 0) as value, units_left_out
from applicable_values
union all
select target_id, year, null, sum(numerator), sum(denominator), sum(numerator) / nullif(sum(denominator), 0), null
from applicable_values
group by target_id, year
