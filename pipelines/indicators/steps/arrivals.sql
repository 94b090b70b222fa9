-- grain: one row per target × year × applicable school that owes some of the target's data:
-- how many units (report × section the target applies to) it owes, and how many arrived whole
-- (every grade owed in it included).
with target_duties as (
  select distinct t.target_id, d.duty as dataset
  from target_datasets as t
  join dataset_duties as d on d.dataset = t.dataset
),

target_arrivals as (
  select
    a.target_id,
    r.year,
    a.school_id,
    count(*) as owed_units,
    count(*) filter (where r.received and not r.rejected and r.grades_missing is null) as complete_units
  from applicable as a
  join target_duties as d on d.target_id = a.target_id
  join target_sections as s on s.target_id = a.target_id
  join reports as r on r.school_id = a.school_id and r.dataset = d.dataset and r.section = s.section
  group by a.target_id, r.year, a.school_id
)

select * from target_arrivals
