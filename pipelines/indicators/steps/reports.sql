-- grain: one row per year × school × report it owes × section of the school that owes it.
-- A dataset is owed, every year it is collected, by the schools of the sections the dictionary names
-- (column owed_by); student records count for the vision report (column fulfils). received: rows of
-- the report arrived for that section (a 全校 facilities row covers every section of its school;
-- rows without a grade or section cover the whole school). rejected: rows of the school's report for
-- that year were rejected in the latest load of their file, so what arrived is not all there is —
-- unless a later ingest run brought the school's submission of that year, which replaced the one the
-- rejects belonged to (rule: docs/corrections.md).
-- grades_missing: for a report owed grade by grade (grade_duties: vision, pe), the grades of that section
-- with pupils that year whose rows did not arrive (or were rejected); null when none is missing. A grade
-- has pupils when the school has classes in it (class_sizes of the same year); a section of which the
-- school sent no class sizes that year owes every one of its grades (rule: docs/owed-grades.md).
-- Reads received_units (year, school_id, dataset, section), received_grades and grade_duties (reports.ts),
-- and latest_submissions (dataset, school_id, year, run_id).
with duty_years as (
  select distinct d.duty as dataset, y.year
  from dataset_duties as d
  join dataset_years as y on y.dataset = d.dataset
),

owed as (
  select y.year, s.school_id, y.dataset, s.section
  from duty_years as y
  join duty_sections as d on d.dataset = y.dataset
  join school_sections as s on s.section = d.section
),

current_loads as (
  select source_file, max(load_id) as load_id
  from ingest_log
  where status = 'loaded'
  group by source_file
),

-- rows whose content was refused: a unit of the school's report may be lost with them (a totals row,
-- a second copy of a row, a row for a section the school does not have or for an unknown school lose
-- none: a section mistyped as one the school lacks shows up as not received)
open_rejects as (
  select distinct d.duty as dataset, r.year, r.school_id
  from rejects as r
  join current_loads as c on c.source_file = r.source_file and c.load_id = r.load_id
  join dataset_duties as d on d.dataset = r.dataset
  left join ingest_log as l on l.load_id = r.load_id
  left join latest_submissions as s
    on s.dataset = r.dataset and s.school_id = r.school_id and s.year = r.year
  where r.reason_code in ('missing_required', 'bad_type', 'out_of_range', 'inconsistent')
    and (s.run_id is null or l.run_id is null or l.run_id >= s.run_id)
),

class_grades as (
  select distinct c.year, c.school_id, g.section, c.grade
  from class_sizes as c
  join grade_sections as g on g.grade = c.grade
),

owed_grades as (
  select o.year, o.school_id, o.dataset, o.section, g.grade
  from owed as o
  join grade_duties as d on d.dataset = o.dataset
  join grade_sections as g on g.section = o.section
  where exists (
      select 1 from class_grades as c
      where c.year = o.year and c.school_id = o.school_id and c.section = o.section and c.grade = g.grade
    )
    or not exists (
      select 1 from class_grades as c where c.year = o.year and c.school_id = o.school_id and c.section = o.section
    )
),

missing_grades as (
  select o.year, o.school_id, o.dataset, o.section, list(o.grade order by o.grade) as grades_missing
  from owed_grades as o
  anti join received_grades as r
    on r.year = o.year and r.school_id = o.school_id and r.dataset = o.dataset and r.grade = o.grade
  group by all
),

reports as (
  select
    o.year,
    o.school_id,
    o.dataset,
    o.section,
    u.school_id is not null as received,
    r.school_id is not null as rejected,
    g.grades_missing
  from owed as o
  left join (select distinct * from received_units) as u
    on u.year = o.year and u.school_id = o.school_id and u.dataset = o.dataset and u.section = o.section
  left join open_rejects as r
    on r.year = o.year and r.school_id = o.school_id and r.dataset = o.dataset
  left join missing_grades as g
    on g.year = o.year and g.school_id = o.school_id and g.dataset = o.dataset and g.section = o.section
)

select * from reports
