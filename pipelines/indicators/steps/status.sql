-- grain: one row per target × year × school (school_id null for the district row), for every
-- year in which the target's datasets hold any row. Adds no_data rows for applicable schools
-- that did not report, the district row of school-scope targets, thresholds and statuses.
with target_years as (
  select distinct d.target_id, y.year
  from target_datasets as d
  join dataset_years as y on y.dataset = d.dataset
),

school_rows as (
  select y.target_id, y.year, a.school_id, v.numerator, v.denominator, v.value, v.rule_met
  from target_years as y
  join targets as t on t.target_id = y.target_id and t.scope in ('school', 'both')
  join applicable as a on a.target_id = y.target_id
  left join family_values as v on v.target_id = y.target_id and v.year = y.year and v.school_id = a.school_id
),

pooled_rows as (
  select y.target_id, y.year, null as school_id, v.numerator, v.denominator, v.value, v.rule_met
  from target_years as y
  join targets as t on t.target_id = y.target_id and t.scope in ('both', 'district')
  left join family_values as v on v.target_id = y.target_id and v.year = y.year and v.school_id is null
),

judged as (
  select
    r.target_id,
    r.year,
    r.school_id,
    r.value,
    t.threshold,
    case
      when r.value is null then 'no_data'
      when t.comparator = 'info' then 'info'
      -- relative tolerance 1e-9: a value equal to its threshold in decimal counts as met
      when coalesce(r.rule_met, true) and (
        (t.comparator = '>=' and r.value >= t.threshold - 1e-9 * greatest(abs(t.threshold), abs(r.value)))
        or (t.comparator = '<=' and r.value <= t.threshold + 1e-9 * greatest(abs(t.threshold), abs(r.value)))
      ) then 'met'
      else 'not_met'
    end as status,
    r.numerator,
    r.denominator
  from (select * from school_rows union all select * from pooled_rows) as r
  join targets as t on t.target_id = r.target_id
),

-- 校校达标: share of the applicable schools met (no_data counts as not met); met only when all are
district_of_schools as (
  select
    y.target_id,
    y.year,
    null as school_id,
    case when count(j.value) = 0 or t.comparator = 'info' then null
      else count(*) filter (where j.status = 'met') / count(j.school_id) end as value,
    case when t.comparator = 'info' then null else 1 end as threshold,
    case
      when count(j.value) = 0 then 'no_data'
      when t.comparator = 'info' then 'info'
      when count(*) filter (where j.status = 'met') = count(j.school_id) then 'met'
      else 'not_met'
    end as status,
    count(*) filter (where j.status = 'met') as numerator,
    count(j.school_id) as denominator
  from target_years as y
  join targets as t on t.target_id = y.target_id and t.scope = 'school'
  left join judged as j on j.target_id = y.target_id and j.year = y.year
  group by y.target_id, y.year, t.comparator
),

statuses as (
  select * from judged
  union all
  select * from district_of_schools
)

select * from statuses
