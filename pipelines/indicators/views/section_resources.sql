-- grain: one row per school × year × section × resource measure (the 7 resource indicators of
-- 《县域义务教育优质均衡发展督导评估办法》, per student or per 100 students of the section).
-- depends: facility_sections
with sections as (
  select
    year,
    school_id,
    section,
    students,
    teaching_aux_area_m2,
    sports_area_m2,
    equipment_value_yuan,
    multimedia_classrooms,
    teachers_above_degree,
    backbone_teachers,
    pe_art_teachers
  from facility_sections
  where students > 0
),

measures as (
  unpivot sections
  on
    teaching_aux_area_m2 as teaching_area,
    sports_area_m2 as sports_area,
    equipment_value_yuan as equipment_value,
    multimedia_classrooms as multimedia_per100,
    teachers_above_degree as above_degree_per100,
    backbone_teachers as backbone_per100,
    pe_art_teachers as pe_art_per100
  into name measure value amount
),

section_resources as (
  select
    year,
    school_id,
    section,
    measure,
    amount::DOUBLE as amount,
    students,
    amount / students * (case when measure like '%_per100' then 100 else 1 end) as value
  from measures
)

select * from section_resources
