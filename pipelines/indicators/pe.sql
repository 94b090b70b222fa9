-- grain: one row per pe target × year × applicable school, plus the district rows of the
-- fitness rates pooled over the applicable schools.
with grades as (
  select
    year,
    school_id,
    pe_lessons_per_week,
    in_school_minutes,
    out_school_minutes,
    fitness_tested,
    fitness_passed,
    fitness_good,
    -- weekly pe lessons by grade: 1-2: 4; 3-9: 3; 10-12: 2 (课程设置方案)
    case when try_cast(grade as INTEGER) <= 2 then 4 when try_cast(grade as INTEGER) <= 9 then 3 else 2 end
      as lessons_minimum
  from pe
  where grade not like 'K%'
),

by_school as (
  select
    year,
    school_id,
    count(*) filter (where pe_lessons_per_week >= lessons_minimum) as grades_meeting_lessons,
    count(*) as grades_reported,
    min(in_school_minutes) as in_school_minutes,
    min(out_school_minutes) as out_school_minutes,
    sum(fitness_tested) as fitness_tested,
    sum(fitness_passed) as fitness_passed,
    sum(fitness_good) as fitness_good
  from grades
  group by year, school_id
),

school_values as (
  select 'pe.lessons_per_week' as target_id, year, school_id,
    grades_meeting_lessons as numerator, grades_reported as denominator,
    grades_meeting_lessons / grades_reported as value
  from by_school
  union all
  select 'pe.in_school_minutes', year, school_id, null, null, in_school_minutes
  from by_school
  union all
  select 'pe.out_school_minutes', year, school_id, null, null, out_school_minutes
  from by_school
  union all
  select 'pe.fitness_pass_rate', year, school_id, fitness_passed, fitness_tested, fitness_passed / nullif(fitness_tested, 0)
  from by_school
  union all
  select 'pe.fitness_good_rate', year, school_id, fitness_good, fitness_tested, fitness_good / nullif(fitness_tested, 0)
  from by_school
  union all
  select 'pe.military_days', year, school_id, null, null, days
  from military_training
  union all
  select 'pe.military_hours', year, school_id, null, null, hours
  from military_training
),

applicable_values as (
  select v.*
  from school_values as v
  join applicable as a on a.target_id = v.target_id and a.school_id = v.school_id
),

pooled as (
  select target_id, year, null as school_id, sum(numerator), sum(denominator), sum(numerator) / nullif(sum(denominator), 0)
  from applicable_values
  where target_id in ('pe.fitness_pass_rate', 'pe.fitness_good_rate')
  group by target_id, year
),

pe_values as (
  select * from applicable_values
  union all
  select * from pooled
)

select * from pe_values
