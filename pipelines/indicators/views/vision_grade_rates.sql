-- grain: one row per year × school × grade, plus the district row of each year × grade (school_id null).
-- What the dashboard and the exports may show per grade: a rate whose denominator (pupils screened)
-- is under small_number_rule.min_denominator is hidden — myopic and myopia_rate are null,
-- suppressed is true and note says why. School and district totals (indicator_values) are not affected.
with by_school as (
  select year, school_id, grade, screened, myopic
  from vision_by_grade
),

district as (
  select year, null::VARCHAR as school_id, grade, sum(screened) as screened, sum(myopic) as myopic
  from vision_by_grade
  group by year, grade
),

grades as (
  select * from by_school
  union all
  select * from district
),

judged as (
  select
    g.year,
    g.school_id,
    g.grade,
    g.screened,
    g.myopic,
    coalesce(g.screened, 0) < r.min_denominator as suppressed,
    r.note
  from grades as g
  cross join small_number_rule as r
),

vision_grade_rates as (
  select
    year,
    school_id,
    grade,
    screened::INTEGER as screened,
    case when suppressed then null else myopic::INTEGER end as myopic,
    case when suppressed then null else myopic / nullif(screened, 0) end as myopia_rate,
    suppressed,
    case when suppressed then note end as note
  from judged
)

select * from vision_grade_rates
