-- grain: one row per space target × year × applicable school (resource and room targets), and one
-- district row per year for the count of oversized schools. Sections come from facility_sections
-- (a combined school's 全校 row split among its sections); room sizes, classes per room and the
-- size limits of schools come from seeds/parameters.csv.
with resources as (
  select t.target_id, r.year, r.school_id, r.amount as numerator, r.students as denominator, r.value
  from targets as t
  join target_sections as s on s.target_id = t.target_id
  join section_resources as r on r.measure = t.measure and r.section = s.section
  where t.target_id like 'space.%'
),

-- the room targets: one room for every classes_per_room classes, a room counting from room_area_min
room_rules as (
  select
    t.target_id,
    t.measure as room_type,
    max(p.value) filter (where p.parameter = 'classes_per_room') as classes_per_room,
    max(p.value) filter (where p.parameter = 'room_area_min') as room_area_min
  from targets as t
  join parameters as p on p.target_id = t.target_id and p.parameter in ('classes_per_room', 'room_area_min')
  group by t.target_id, t.measure
),

-- classes of the sections the room target applies to (primary and junior)
room_classes as (
  select k.target_id, k.room_type, k.classes_per_room, k.room_area_min, f.year, f.school_id, sum(f.classes) as classes
  from room_rules as k
  join target_sections as s on s.target_id = k.target_id
  join facility_sections as f on f.section = s.section
  group by all
),

-- 每12个班配备音乐、美术专用教室1间以上
rooms as (
  select
    c.target_id,
    c.year,
    c.school_id,
    count(r.room_name) as numerator,
    ceil(c.classes / c.classes_per_room) as denominator,
    count(r.room_name) / ceil(c.classes / c.classes_per_room) as value
  from room_classes as c
  left join special_rooms as r
    on r.year = c.year and r.school_id = c.school_id and r.room_type = c.room_type and r.area_m2 >= c.room_area_min
  group by c.target_id, c.year, c.school_id, c.classes, c.classes_per_room
),

school_values as (
  select v.*
  from (select * from resources union all select * from rooms) as v
  join applicable as a on a.target_id = v.target_id and a.school_id = v.school_id
),

-- 超规模: pupils of the primary and junior sections above max_students_combined in a school with
-- both sections (一贯制), above max_students in the others
compulsory_students as (
  select f.year, f.school_id, sum(f.students) as students
  from facility_sections as f
  join applicable as a on a.school_id = f.school_id and a.target_id = 'space.oversized_schools'
  join target_sections as s on s.target_id = a.target_id and s.section = f.section
  group by f.year, f.school_id
),

spans as (
  select ss.school_id, count(*) = 2 as both_sections
  from school_sections as ss
  join target_sections as s on s.section = ss.section and s.target_id = 'space.oversized_schools'
  group by ss.school_id
),

limits as (
  select
    max(value) filter (where parameter = 'max_students') as max_students,
    max(value) filter (where parameter = 'max_students_combined') as max_students_combined
  from parameters
  where target_id = 'space.oversized_schools'
),

oversized as (
  select
    'space.oversized_schools' as target_id,
    c.year,
    null as school_id,
    count(*) filter (where c.students > case when p.both_sections then l.max_students_combined else l.max_students end)
      as numerator,
    null as denominator,
    count(*) filter (where c.students > case when p.both_sections then l.max_students_combined else l.max_students end)
      as value
  from compulsory_students as c
  join spans as p on p.school_id = c.school_id
  cross join limits as l
  group by c.year
),

space_values as (
  select * from school_values
  union all
  select * from oversized
)

select * from space_values
