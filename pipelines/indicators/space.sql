-- grain: one row per space target × year × applicable school (resource and room targets),
-- and one district row per year for the count of oversized schools.
with resource_targets (target_id, measure, section) as (
  values
    ('space.teaching_area.primary', 'teaching_area', 'primary'),
    ('space.teaching_area.junior', 'teaching_area', 'junior'),
    ('space.sports_area.primary', 'sports_area', 'primary'),
    ('space.sports_area.junior', 'sports_area', 'junior'),
    ('space.equipment_value.primary', 'equipment_value', 'primary'),
    ('space.equipment_value.junior', 'equipment_value', 'junior'),
    ('space.multimedia_per100.primary', 'multimedia_per100', 'primary'),
    ('space.multimedia_per100.junior', 'multimedia_per100', 'junior')
),

resources as (
  select t.target_id, r.year, r.school_id, r.amount as numerator, r.students as denominator, r.value
  from resource_targets as t
  join section_resources as r on r.measure = t.measure and r.section = t.section
),

-- 每12个班配备音乐、美术专用教室1间以上; music rooms count from 96 m2, art rooms from 90 m2
room_targets (target_id, room_type, area_floor) as (
  values ('space.music_rooms', 'music', 96), ('space.art_rooms', 'art', 90)
),

compulsory_classes as (
  select year, school_id, sum(classes) as classes
  from facilities
  where section in ('primary', 'junior')
  group by year, school_id
),

rooms as (
  select
    t.target_id,
    c.year,
    c.school_id,
    count(s.room_name) as numerator,
    ceil(c.classes / 12) as denominator,
    count(s.room_name) / ceil(c.classes / 12) as value
  from room_targets as t
  cross join compulsory_classes as c
  left join special_rooms as s
    on s.year = c.year and s.school_id = c.school_id and s.room_type = t.room_type and s.area_m2 >= t.area_floor
  group by t.target_id, c.year, c.school_id, c.classes
),

school_values as (
  select v.*
  from (select * from resources union all select * from rooms) as v
  join applicable as a on a.target_id = v.target_id and a.school_id = v.school_id
),

-- 超规模: primary + junior students above 2500 in a school with both sections (一贯制), else above 2000
compulsory_students as (
  select f.year, f.school_id, sum(f.students) as students
  from facilities as f
  join applicable as a on a.school_id = f.school_id and a.target_id = 'space.oversized_schools'
  where f.section in ('primary', 'junior')
  group by f.year, f.school_id
),

oversized as (
  select
    'space.oversized_schools' as target_id,
    c.year,
    null as school_id,
    count(*) filter (where c.students > case when spans.both_sections then 2500 else 2000 end) as numerator,
    null as denominator,
    count(*) filter (where c.students > case when spans.both_sections then 2500 else 2000 end) as value
  from compulsory_students as c
  join (
    select school_id, count(*) filter (where section in ('primary', 'junior')) = 2 as both_sections
    from school_sections
    group by school_id
  ) as spans on spans.school_id = c.school_id
  group by c.year
),

space_values as (
  select * from school_values
  union all
  select * from oversized
)

select * from space_values
