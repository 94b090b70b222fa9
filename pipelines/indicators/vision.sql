-- grain: one row per vision target × year × applicable school, plus the district row
-- (school_id null) pooled over the applicable schools. Reads the view vision_by_grade.
with by_school as (
  select
    year,
    school_id,
    sum(enrolled) as enrolled,
    sum(screened) as screened,
    sum(screened) filter (where grade not like 'K%') as screened_1_12,
    sum(myopic) filter (where grade not like 'K%') as myopic_1_12,
    sum(low_vision_severe) filter (where grade not like 'K%') as severe_1_12,
    -- the severe share counts only grades that reported the low-vision bands
    sum(screened) filter (where grade not like 'K%' and low_vision_severe is not null) as banded_1_12
  from vision_by_grade
  group by year, school_id
),

ratios as (
  select 'vision.myopia_rate' as target_id, year, school_id, myopic_1_12 as numerator, screened_1_12 as denominator
  from by_school
  union all
  -- the rate again, pooled over the schools the change target applies to
  select 'vision.myopia_rate_change', year, school_id, myopic_1_12, screened_1_12
  from by_school
  union all
  select 'vision.screening_coverage', year, school_id, screened, enrolled
  from by_school
  union all
  select 'vision.low_vision_severe_share', year, school_id, severe_1_12, banded_1_12
  from by_school
),

applicable_ratios as (
  select r.*
  from ratios as r
  join applicable as a on a.target_id = r.target_id and a.school_id = r.school_id
),

rates as (
  select target_id, year, school_id, numerator, denominator, numerator / nullif(denominator, 0) as value
  from applicable_ratios
  union all
  select target_id, year, null as school_id, sum(numerator), sum(denominator), sum(numerator) / nullif(sum(denominator), 0)
  from applicable_ratios
  group by target_id, year
),

-- change in percentage points: rate(year) - rate(year - 1); no row without both years
changes as (
  select
    cur.target_id,
    cur.year,
    cur.school_id,
    null::DOUBLE as numerator,
    null::DOUBLE as denominator,
    cur.value - prev.value as value
  from rates as cur
  join rates as prev
    on prev.target_id = cur.target_id
    and prev.year = cur.year - 1
    and prev.school_id is not distinct from cur.school_id
  where cur.target_id = 'vision.myopia_rate_change'
),

vision_values as (
  select * from rates where target_id <> 'vision.myopia_rate_change'
  union all
  select * from changes
)

select * from vision_values
