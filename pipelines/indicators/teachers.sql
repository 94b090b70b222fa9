-- grain: one row per teachers target × year × applicable school, from the school's row of the
-- target's section (a nine-year school has a primary and a junior row).
with resource_targets (target_id, measure, section) as (
  values
    ('teachers.above_degree_per100.primary', 'above_degree_per100', 'primary'),
    ('teachers.above_degree_per100.junior', 'above_degree_per100', 'junior'),
    ('teachers.backbone_per100.primary', 'backbone_per100', 'primary'),
    ('teachers.backbone_per100.junior', 'backbone_per100', 'junior'),
    ('teachers.pe_art_per100.primary', 'pe_art_per100', 'primary'),
    ('teachers.pe_art_per100.junior', 'pe_art_per100', 'junior')
),

teachers_values as (
  select t.target_id, r.year, r.school_id, r.amount as numerator, r.students as denominator, r.value
  from resource_targets as t
  join section_resources as r on r.measure = t.measure and r.section = t.section
  join applicable as a on a.target_id = t.target_id and a.school_id = r.school_id
)

select * from teachers_values
