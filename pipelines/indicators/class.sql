-- grain: one district row per class-size target × year, over the classes of the applicable schools
-- in the sections the target applies to (a grade's section within its school). The large-class
-- size and the standard sizes by grade come from seeds/parameters.csv.
with classes as (
  select target_id, year, grade_number, students
  from rows_in_target_sections('class_sizes')
  where target_id like 'class.%'
),

-- 大班额: large_class_size pupils or more
large as (
  select c.target_id, c.year, count(*) filter (where c.students >= p.value) as large_classes
  from classes as c
  join parameters as p on p.target_id = c.target_id and p.parameter = 'large_class_size'
  group by c.target_id, c.year
),

-- above the standard size of the class's grade
over_standard as (
  select
    c.target_id,
    c.year,
    count(*) filter (where c.students > p.value) as over_standard,
    count(*) as classes
  from classes as c
  join parameters as p
    on p.target_id = c.target_id and p.parameter = 'standard_size' and c.grade_number between p.grade_from and p.grade_to
  group by c.target_id, c.year
),

class_values as (
  select target_id, year, null as school_id, large_classes as numerator, null as denominator, large_classes as value
  from large
  union all
  select target_id, year, null, over_standard, classes, over_standard / classes
  from over_standard
)

select * from class_values
