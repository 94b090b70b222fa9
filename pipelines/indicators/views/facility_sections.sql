-- grain: one row per school × year × section: the section's own facilities row, or its share of the
-- 全校 row (section 'whole') of a combined school. Each resource of a 全校 row is split among the
-- school's sections in proportion to weighted pupils (national weights, table section_weights, rule: docs/methods.md:
-- nine-year primary 1 : junior 1.1 …); classes in proportion to pupils. A school that sent section
-- rows for a year is read from those, and its 全校 row of that year is not used.
with section_rows as (
  select
    year, school_id, section, students, classes::DOUBLE as classes, teaching_aux_area_m2, sports_area_m2,
    equipment_value_yuan, multimedia_classrooms, teachers_above_degree, backbone_teachers, pe_art_teachers,
    false as split
  from facilities
  where section <> 'whole'
),

whole_rows as (
  select f.*
  from facilities as f
  where f.section = 'whole'
    and not exists (
      select 1 from section_rows as s where s.year = f.year and s.school_id = f.school_id
    )
),

pupils as (
  unpivot (select year, school_id, students_primary, students_junior, students_senior from whole_rows)
  on columns('^students_')
  into name column_name value pupils
),

weighted as (
  select
    p.year,
    p.school_id,
    w.section,
    p.pupils,
    w.weight * p.pupils as weighted_pupils
  from pupils as p
  join schools as s on s.school_id = p.school_id
  join section_weights as w on w.stage = s.stage and w.section = replace(p.column_name, 'students_', '')
),

shares as (
  select
    *,
    weighted_pupils / nullif(sum(weighted_pupils) over (partition by year, school_id), 0) as resource_share,
    pupils / nullif(sum(pupils) over (partition by year, school_id), 0) as pupil_share
  from weighted
),

split_rows as (
  select
    s.year,
    s.school_id,
    s.section,
    s.pupils as students,
    w.classes * s.pupil_share as classes,
    w.teaching_aux_area_m2 * s.resource_share as teaching_aux_area_m2,
    w.sports_area_m2 * s.resource_share as sports_area_m2,
    w.equipment_value_yuan * s.resource_share as equipment_value_yuan,
    w.multimedia_classrooms * s.resource_share as multimedia_classrooms,
    w.teachers_above_degree * s.resource_share as teachers_above_degree,
    w.backbone_teachers * s.resource_share as backbone_teachers,
    w.pe_art_teachers * s.resource_share as pe_art_teachers,
    true as split
  from shares as s
  join whole_rows as w on w.year = s.year and w.school_id = s.school_id
),

facility_sections as (
  select * from section_rows
  union all
  select * from split_rows
)

select * from facility_sections
