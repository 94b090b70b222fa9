-- grain: one district row per preschool target × year, from the kindergarten sections of the
-- facilities rows; a public kindergarten counts as inclusive whatever schools.inclusive says.
with kindergarten_sections as (
  select
    a.target_id,
    f.year,
    f.students,
    s.ownership = 'public' as is_public,
    s.ownership = 'public' or coalesce(s.inclusive, false) as is_inclusive
  from facilities as f
  join schools as s on s.school_id = f.school_id
  join applicable as a on a.school_id = f.school_id
  where f.section = 'kindergarten'
    and a.target_id in ('preschool.gross_enrollment', 'preschool.inclusive_coverage', 'preschool.public_share')
),

totals as (
  select
    target_id,
    year,
    sum(students) as students,
    coalesce(sum(students) filter (where is_public), 0) as public_students,
    coalesce(sum(students) filter (where is_inclusive), 0) as inclusive_students
  from kindergarten_sections
  group by target_id, year
),

ratios as (
  select t.target_id, t.year, t.students as numerator, r.children_3_5 as denominator
  from totals as t
  left join district_reference as r on r.year = t.year
  where t.target_id = 'preschool.gross_enrollment'
  union all
  select target_id, year, inclusive_students, students
  from totals
  where target_id = 'preschool.inclusive_coverage'
  union all
  select target_id, year, public_students, students
  from totals
  where target_id = 'preschool.public_share'
),

preschool_values as (
  select target_id, year, null as school_id, numerator, denominator, numerator / nullif(denominator, 0) as value
  from ratios
)

select * from preschool_values
