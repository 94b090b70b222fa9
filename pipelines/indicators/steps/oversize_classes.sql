-- grain: one row per class × school × year whose pupils reach the large-class size (大班额, 56) or exceed
-- the standard size of its grade (45 in grades 1–6, 50 in 7–9): the classes behind the counts of the
-- class-size targets, named for a leader (rule: docs/methods.md). Sizes from seeds/parameters.csv.
with sizes as (
  select min(value) filter (where parameter = 'large_class_size') as large_size
  from parameters
),

standards as (
  select grade_from, grade_to, min(value) as standard_size
  from parameters
  where parameter = 'standard_size'
  group by grade_from, grade_to
),

classes as (
  select year, school_id, grade, class_name, students, try_cast(grade as INTEGER) as grade_number
  from class_sizes
),

oversize_classes as (
  select
    c.year,
    c.school_id,
    c.grade,
    c.class_name,
    c.students,
    st.standard_size,
    c.students >= s.large_size as large
  from classes as c
  cross join sizes as s
  left join standards as st on c.grade_number between st.grade_from and st.grade_to
  where c.students >= s.large_size or c.students > st.standard_size
)

select * from oversize_classes
