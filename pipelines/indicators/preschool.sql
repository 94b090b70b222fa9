-- grain: one district row per preschool target × year, from the kindergarten sections of the
-- facilities rows; a public kindergarten counts as inclusive whatever schools.inclusive says. A
-- private kindergarten that did not say whether it is inclusive is left out of the inclusive
-- coverage (numerator and denominator alike), and the district row is then incomplete.
with kindergartens as (
  select
    a.target_id,
    f.year,
    f.school_id,
    f.students,
    s.ownership = 'public' as is_public,
    case when s.ownership = 'public' then true else s.inclusive end as is_inclusive
  from facility_sections as f
  join schools as s on s.school_id = f.school_id
  join applicable as a on a.school_id = f.school_id
  join target_sections as t on t.target_id = a.target_id and t.section = f.section
  where a.target_id like 'preschool.%'
),

totals as (
  select
    target_id,
    year,
    sum(students) as students,
    sum(case when is_public then students else 0 end) as public_students,
    sum(case when is_inclusive then students else 0 end) filter (where is_inclusive is not null) as inclusive_students,
    sum(students) filter (where is_inclusive is not null) as inclusive_known
  from kindergartens
  group by target_id, year
),

ratios as (
  select t.target_id, t.year, t.students as numerator, r.children_3_5 as denominator
  from totals as t
  left join district_reference as r on r.year = t.year
  where t.target_id = 'preschool.gross_enrollment'
  union all
  select target_id, year, inclusive_students, inclusive_known
  from totals
  where target_id = 'preschool.inclusive_coverage'
  union all
  select target_id, year, public_students, students
  from totals
  where target_id = 'preschool.public_share'
),

-- kindergartens whose inclusive status is unknown: units left out of the inclusive coverage
unknown_status as (
  select target_id, year, school_id, null as numerator, null as denominator, null as value, 1 as units_left_out
  from kindergartens
  where target_id = 'preschool.inclusive_coverage' and is_inclusive is null
),

preschool_values as (
  select target_id, year, null as school_id, numerator, denominator, numerator / nullif(denominator, 0) as value,
    null as units_left_out
  from ratios
  union all
  select * from unknown_status
)

select * from preschool_values
