-- grain: one row per level target (a threshold on a value, not on a change of it): which way its district
-- value is heading, by the method Open SDG adopted from Statistics Canada. The observed compound annual
-- growth rate from the first year judged on complete data to the latest, over the rate that would reach
-- the threshold by the target year (registry column target_year, else the default of seeds/parameters.csv):
-- met, on_track (≥ progress_on_track), accelerate (≥ progress_accelerate), limited (≥ 0), regress (< 0);
-- one_year with a single year, incomplete when the latest year lacks data, cannot when a rate has no base.
-- Reads indicator_values (the district rows just computed).
with settings as (
  select
    max(value) filter (where parameter = 'target_year') as default_year,
    max(value) filter (where parameter = 'progress_on_track') as on_track,
    max(value) filter (where parameter = 'progress_accelerate') as accelerate
  from parameters
  where target_id is null
),

level_targets as (
  select t.target_id, t.threshold, coalesce(t.target_year, s.default_year) as target_year
  from targets as t
  cross join settings as s
  where t.comparator in ('>=', '<=') and t.display_unit <> 'pp'
),

district as (
  select v.target_id, v.year, v.value, v.status
  from indicator_values as v
  join level_targets as t on t.target_id = v.target_id
  where v.school_id is null and v.value is not null
),

latest as (
  select target_id, arg_max(year, year) as latest_year, arg_max(value, year) as latest_value,
    arg_max(status, year) as latest_status, count(*) as years
  from district
  group by target_id
),

-- the base: the first year whose district value was judged on complete data
first_complete as (
  select target_id, arg_min(year, year) as first_year, arg_min(value, year) as first_value
  from district
  where status in ('met', 'not_met')
  group by target_id
),

rates as (
  select
    t.target_id,
    f.first_year,
    l.latest_year,
    f.first_value,
    l.latest_value,
    t.threshold,
    t.target_year,
    l.latest_status,
    l.years,
    case when l.latest_year > f.first_year and f.first_value > 0 and l.latest_value >= 0
      then pow(l.latest_value / f.first_value, 1 / (l.latest_year - f.first_year)) - 1 end as observed_rate,
    case when t.target_year > f.first_year and f.first_value > 0 and t.threshold >= 0
      then pow(t.threshold / f.first_value, 1 / (t.target_year - f.first_year)) - 1 end as required_rate
  from level_targets as t
  join latest as l on l.target_id = t.target_id
  left join first_complete as f on f.target_id = t.target_id
),

target_progress as (
  select
    r.target_id,
    r.first_year,
    r.latest_year,
    r.first_value,
    r.latest_value,
    r.threshold,
    r.target_year::INTEGER as target_year,
    r.observed_rate,
    r.required_rate,
    r.observed_rate / nullif(r.required_rate, 0) as ratio,
    case
      when r.latest_status = 'met' then 'met'
      when r.years = 1 then 'one_year'
      when r.latest_status <> 'not_met' then 'incomplete'
      when r.observed_rate is null or r.required_rate is null or r.required_rate = 0 then 'cannot'
      when r.observed_rate / r.required_rate >= s.on_track then 'on_track'
      when r.observed_rate / r.required_rate >= s.accelerate then 'accelerate'
      when r.observed_rate / r.required_rate >= 0 then 'limited'
      else 'regress'
    end as category
  from rates as r
  cross join settings as s
)

select * from target_progress
