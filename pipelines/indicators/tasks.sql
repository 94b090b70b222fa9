-- grain: one row per school-task target × year × applicable school (the status step makes the
-- district row: the share of the applicable schools met, 校校达标). A task is a 是/否 a school
-- reports in school_tasks: 是 is 1, 否 is 0; a blank is left out (the school has no value), never 否.
with school_values as (
  select 'tasks.psych_lectures' as target_id, year, school_id, psych_lectures as done
  from school_tasks
  union all
  select 'tasks.parent_psych', year, school_id, parent_psych
  from school_tasks
  union all
  select 'tasks.art_assessment', year, school_id, art_assessment
  from school_tasks
  union all
  select 'tasks.public_courses', year, school_id, public_courses
  from school_tasks
  union all
  select 'tasks.development_plan', year, school_id, development_plan
  from school_tasks
),

task_values as (
  select
    v.target_id,
    v.year,
    v.school_id,
    null as numerator,
    null as denominator,
    v.done::INTEGER as value,
    (v.done is null)::INTEGER as units_left_out
  from school_values as v
  join applicable as a on a.target_id = v.target_id and a.school_id = v.school_id
)

select * from task_values
