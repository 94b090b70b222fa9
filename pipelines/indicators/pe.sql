-- grain: one row per pe target × year × applicable school, plus the district rows of the
-- fitness rates pooled over the applicable schools. A grade is a unit: a grade lacking a count a
-- target needs (minutes out of school, pupils tested, passed or good) is left out of that target
-- and makes the school incomplete. Weekly lesson minimums by grade come from seeds/parameters.csv.
with target_grades as (
  select p.*, m.value as minimum_lessons
  from rows_in_target_sections('pe') as p
  left join parameters as m
    on m.target_id = p.target_id and m.parameter = 'weekly_lessons' and p.grade_number between m.grade_from and m.grade_to
  where p.target_id like 'pe.%'
),

units as (
  select
    target_id,
    year,
    school_id,
    case target_id
      when 'pe.lessons_per_week' then (pe_lessons_per_week >= minimum_lessons)::INTEGER
      when 'pe.in_school_minutes' then in_school_minutes
      when 'pe.out_school_minutes' then out_school_minutes
      when 'pe.fitness_pass_rate' then fitness_passed
      when 'pe.fitness_good_rate' then fitness_good
    end as amount,
    case when target_id in ('pe.fitness_pass_rate', 'pe.fitness_good_rate') then fitness_tested else 1 end as base
  from target_grades
),

by_school as (
  select
    target_id,
    year,
    school_id,
    unit_sum(amount, base) as numerator,
    unit_sum(base, amount) as denominator,
    min(case when base is not null then amount end) as least,
    units_left_out(amount, base) as units_left_out
  from units
  group by target_id, year, school_id
),

school_values as (
  -- share of the school's grades that give the weekly lessons of their grade
  select target_id, year, school_id, numerator, denominator, numerator / nullif(denominator, 0) as value, units_left_out
  from by_school
  where target_id = 'pe.lessons_per_week'
  union all
  -- the school's least minutes a day over its grades
  select target_id, year, school_id, null, null, least, units_left_out
  from by_school
  where target_id in ('pe.in_school_minutes', 'pe.out_school_minutes')
  union all
  select target_id, year, school_id, numerator, denominator, numerator / nullif(denominator, 0), units_left_out
  from by_school
  where target_id in ('pe.fitness_pass_rate', 'pe.fitness_good_rate')
  union all
  select a.target_id, m.year, m.school_id, null, null, case a.target_id when 'pe.military_days' then m.days else m.hours end, 0
  from military_training as m
  join applicable as a on a.school_id = m.school_id and a.target_id in ('pe.military_days', 'pe.military_hours')
),

pooled as (
  select target_id, year, null as school_id, sum(numerator), sum(denominator), sum(numerator) / nullif(sum(denominator), 0), null
  from school_values
  where target_id in ('pe.fitness_pass_rate', 'pe.fitness_good_rate')
  group by target_id, year
),

pe_values as (
  select * from school_values
  union all
  select * from pooled
)

select * from pe_values
