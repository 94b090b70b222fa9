-- grain: one district row per class-size target × year, over the classes of the applicable
-- schools in the target's grade band.
with classes as (
  select year, school_id, try_cast(grade as INTEGER) as grade_number, students
  from class_sizes
),

banded as (
  select a.target_id, c.year, c.grade_number, c.students
  from classes as c
  join applicable as a on a.school_id = c.school_id
  where (a.target_id in ('class.large_classes.compulsory', 'class.over_standard_share.compulsory')
      and c.grade_number between 1 and 9)
    or (a.target_id = 'class.large_classes.senior' and c.grade_number between 10 and 12)
),

class_values as (
  -- 大班额: 56 students or more
  select target_id, year, null as school_id,
    count(*) filter (where students >= 56) as numerator,
    null as denominator,
    count(*) filter (where students >= 56) as value
  from banded
  where target_id in ('class.large_classes.compulsory', 'class.large_classes.senior')
  group by target_id, year
  union all
  -- above the standard size: primary (grades 1-6) more than 45, junior (7-9) more than 50
  select target_id, year, null,
    count(*) filter (where students > case when grade_number <= 6 then 45 else 50 end),
    count(*),
    count(*) filter (where students > case when grade_number <= 6 then 45 else 50 end) / count(*)
  from banded
  where target_id = 'class.over_standard_share.compulsory'
  group by target_id, year
)

select * from class_values
