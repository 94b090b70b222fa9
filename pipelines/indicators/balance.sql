-- grain: one district row per coefficient-of-variation target × year, and one row per
-- six-of-seven target × year × applicable school. Each section of a combined school counts as
-- one school (教督〔2017〕6号). Thresholds of the 7 resource indicators come from the registry.
with resource_targets (resource_target_id, measure, section) as (
  values
    ('space.teaching_area.primary', 'teaching_area', 'primary'),
    ('space.sports_area.primary', 'sports_area', 'primary'),
    ('space.equipment_value.primary', 'equipment_value', 'primary'),
    ('space.multimedia_per100.primary', 'multimedia_per100', 'primary'),
    ('teachers.above_degree_per100.primary', 'above_degree_per100', 'primary'),
    ('teachers.backbone_per100.primary', 'backbone_per100', 'primary'),
    ('teachers.pe_art_per100.primary', 'pe_art_per100', 'primary'),
    ('space.teaching_area.junior', 'teaching_area', 'junior'),
    ('space.sports_area.junior', 'sports_area', 'junior'),
    ('space.equipment_value.junior', 'equipment_value', 'junior'),
    ('space.multimedia_per100.junior', 'multimedia_per100', 'junior'),
    ('teachers.above_degree_per100.junior', 'above_degree_per100', 'junior'),
    ('teachers.backbone_per100.junior', 'backbone_per100', 'junior'),
    ('teachers.pe_art_per100.junior', 'pe_art_per100', 'junior')
),

cv_targets (target_id, measure, section) as (
  values
    ('balance.cv.teaching_area.primary', 'teaching_area', 'primary'),
    ('balance.cv.sports_area.primary', 'sports_area', 'primary'),
    ('balance.cv.equipment_value.primary', 'equipment_value', 'primary'),
    ('balance.cv.multimedia_per100.primary', 'multimedia_per100', 'primary'),
    ('balance.cv.above_degree_per100.primary', 'above_degree_per100', 'primary'),
    ('balance.cv.backbone_per100.primary', 'backbone_per100', 'primary'),
    ('balance.cv.pe_art_per100.primary', 'pe_art_per100', 'primary'),
    ('balance.cv.teaching_area.junior', 'teaching_area', 'junior'),
    ('balance.cv.sports_area.junior', 'sports_area', 'junior'),
    ('balance.cv.equipment_value.junior', 'equipment_value', 'junior'),
    ('balance.cv.multimedia_per100.junior', 'multimedia_per100', 'junior'),
    ('balance.cv.above_degree_per100.junior', 'above_degree_per100', 'junior'),
    ('balance.cv.backbone_per100.junior', 'backbone_per100', 'junior'),
    ('balance.cv.pe_art_per100.junior', 'pe_art_per100', 'junior')
),

six_of_seven_targets (target_id, section) as (
  values ('balance.six_of_seven.primary', 'primary'), ('balance.six_of_seven.junior', 'junior')
),

-- student-weighted: mean = Σ P·X / P, S = √(Σ P·(X − mean)² / P), CV = S / mean
cv_sections as (
  select t.target_id, r.year, r.students, r.value,
    sum(r.students * r.value) over (partition by t.target_id, r.year)
      / sum(r.students) over (partition by t.target_id, r.year) as mean
  from cv_targets as t
  join section_resources as r on r.measure = t.measure and r.section = t.section
  join applicable as a on a.target_id = t.target_id and a.school_id = r.school_id
),

cv as (
  select
    target_id,
    year,
    null as school_id,
    sqrt(sum(students * pow(value - mean, 2)) / sum(students)) as numerator,
    any_value(mean) as denominator,
    sqrt(sum(students * pow(value - mean, 2)) / sum(students)) / nullif(any_value(mean), 0) as value,
    null::BOOLEAN as rule_met
  from cv_sections
  group by target_id, year
),

-- each resource indicator of a section against its registry threshold (relative tolerance 1e-9)
judged as (
  select
    s.target_id,
    r.year,
    r.school_id,
    r.value >= k.threshold - 1e-9 * greatest(abs(k.threshold), abs(r.value)) as is_met,
    r.value >= 0.85 * k.threshold - 1e-9 * greatest(abs(k.threshold), abs(r.value)) as within_85
  from six_of_seven_targets as s
  join resource_targets as rt on rt.section = s.section
  join targets as k on k.target_id = rt.resource_target_id
  join section_resources as r on r.measure = rt.measure and r.section = rt.section
  join applicable as a on a.target_id = s.target_id and a.school_id = r.school_id
),

-- met only when at least 6 of the 7 are met and every unmet one is at least 85% of its threshold
six_of_seven as (
  select
    target_id,
    year,
    school_id,
    count(*) filter (where is_met) as numerator,
    count(*) as denominator,
    count(*) filter (where is_met) as value,
    bool_and(is_met or within_85) as rule_met
  from judged
  group by target_id, year, school_id
),

balance_values as (
  select * from cv
  union all
  select * from six_of_seven
)

select * from balance_values
