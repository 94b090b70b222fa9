-- grain: one row per vision target × year × applicable school, and the district row (school_id null)
-- pooled over the same grades. Reads vision_by_grade, vision_sources and target_arrivals.
-- A grade is a unit: it counts for a target only when it holds every count the target needs
-- (coverage: pupils enrolled, which student records alone do not give; severe share: the severe
-- band); a grade left out is left out of numerator and denominator alike and makes the school incomplete.
with target_grades as (
  select *
  from rows_in_target_sections('vision_by_grade')
  where target_id like 'vision.%'
),

units as (
  select
    target_id,
    year,
    school_id,
    case target_id
      when 'vision.screening_coverage' then screened
      when 'vision.low_vision_severe_share' then low_vision_severe
      else myopic
    end as numerator,
    case target_id
      when 'vision.screening_coverage' then enrolled
      when 'vision.low_vision_severe_share' then screened
      else judged
    end as denominator
  from target_grades
),

by_school as (
  select
    target_id,
    year,
    school_id,
    unit_sum(numerator, denominator) as numerator,
    unit_sum(denominator, numerator) as denominator,
    units_left_out(numerator, denominator) as units_left_out
  from units
  group by target_id, year, school_id
),

rates as (
  select *, numerator / nullif(denominator, 0) as value
  from by_school
),

pooled as (
  select
    target_id,
    year,
    null as school_id,
    sum(numerator) as numerator,
    sum(denominator) as denominator,
    sum(numerator) / nullif(sum(denominator), 0) as value
  from rates
  group by target_id, year
),

-- a change compares a school with itself: this year's rate minus last year's, from the same kind
-- of source both years (no change across a switch from summary rows to student records)
changes as (
  select
    cur.year,
    cur.school_id,
    cur.numerator,
    cur.denominator,
    prev.numerator as prev_numerator,
    prev.denominator as prev_denominator,
    case when sc.source = sp.source then cur.value - prev.value end as value,
    cur.units_left_out + prev.units_left_out + (p.owed_units - p.complete_units) as units_left_out,
    c.owed_units = c.complete_units and p.owed_units = p.complete_units as arrived_both_years
  from rates as cur
  join rates as prev on prev.target_id = cur.target_id and prev.school_id = cur.school_id and prev.year = cur.year - 1
  join target_arrivals as c on c.target_id = cur.target_id and c.year = cur.year and c.school_id = cur.school_id
  join target_arrivals as p on p.target_id = cur.target_id and p.year = prev.year and p.school_id = cur.school_id
  join vision_sources as sc on sc.year = cur.year and sc.school_id = cur.school_id
  join vision_sources as sp on sp.year = prev.year and sp.school_id = cur.school_id
  where cur.target_id = 'vision.myopia_rate_change'
),

-- the matched panel: schools whose change is computed on complete data of both years
panel as (
  select *
  from changes
  where value is not null and units_left_out = 0 and arrived_both_years
),

district_change as (
  select
    year,
    sum(numerator) / nullif(sum(denominator), 0) - sum(prev_numerator) / nullif(sum(prev_denominator), 0) as value,
    count(*) as schools_reported
  from panel
  group by year
),

vision_values as (
  select target_id, year, school_id, numerator, denominator, value, units_left_out, null as schools_reported
  from rates
  where target_id <> 'vision.myopia_rate_change'
  union all
  select target_id, year, school_id, numerator, denominator, value, null, null
  from pooled
  where target_id <> 'vision.myopia_rate_change'
  union all
  select 'vision.myopia_rate_change', year, school_id, null, null, value, units_left_out, null
  from changes
  union all
  select 'vision.myopia_rate_change', year, null, null, null, value, null, schools_reported
  from district_change
)

select * from vision_values
