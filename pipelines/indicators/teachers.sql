-- grain: one row per teachers target × year × applicable school, from the school's section of the
-- target (a nine-year school has a primary and a junior section; a 全校 row is split, see
-- facility_sections). The registry's measure column names the resource a target reads.
with teachers_values as (
  select t.target_id, r.year, r.school_id, r.amount as numerator, r.students as denominator, r.value
  from targets as t
  join target_sections as s on s.target_id = t.target_id
  join section_resources as r on r.measure = t.measure and r.section = s.section
  join applicable as a on a.target_id = t.target_id and a.school_id = r.school_id
  where t.target_id like 'teachers.%'
)

select * from teachers_values
