-- grain: one row per level target (a threshold on a value, not on a change of it): which way its district
-- value is heading, by the method Open SDG adopted from Statistics Canada.
-- Goal: the threshold; for a school-scope target the district value is the share of schools met, so the goal
-- is 1 (every school), never the per-school threshold. A goal of 0 is taken as 0.001 for the growth rates.
-- Base: the first year judged (met or not met) with every owed school in; latest: the latest year with a value.
-- observed_rate = (latest ÷ base)^(1 ÷ years) − 1, required_rate = (goal ÷ base)^(1 ÷ years to the target
-- year) − 1 (registry column target_year, else the default of seeds/parameters.csv).
-- ratio = d × observed_rate ÷ |required_rate|, d = +1 for `>=` (and a share of schools met), −1 for `<=`:
-- moving the wrong way is always negative. met, on_track (≥ progress_on_track), accelerate
-- (≥ progress_accelerate), limited (≥ 0), regress (< 0, or any wrong-way move when the base sat on the goal);
-- one_year without an earlier complete year, incomplete when the latest year is undecided, cannot when base ≤ 0.
-- observed_change / required_change: the same movement in the target's own unit a year (a share or rate
-- as a fraction a year, shown in 百分点), toward the real goal (0 stays 0).
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
  select
    t.target_id,
    t.scope = 'school' as share,
    t.display_unit as unit,
    case when t.scope = 'school' then 1 else t.threshold end as goal,
    case when t.scope = 'school' or t.comparator = '>=' then 1 else -1 end as direction,
    -- a setting, not data: the registry's own target year, else the plan's default (seeds/parameters.csv)
    coalesce(t.target_year, s.default_year) as target_year
  from targets as t
  cross join settings as s
  where t.comparator in ('>=', '<=') and t.display_unit <> 'pp'
),

district as (
  select
    v.target_id,
    v.year,
    v.value,
    v.status,
    -- judged on complete data: every owed school in, or a target no school owes data for (a ledger, the
    -- district's reference figures), whose status alone says whether its data arrived
    v.status in ('met', 'not_met') and (v.schools_owed is null or v.schools_reported >= v.schools_owed) as complete
  from indicator_values as v
  join level_targets as t on t.target_id = v.target_id
  where v.school_id is null and v.value is not null
),

latest as (
  select target_id, max(year) as latest_year, arg_max(value, year) as latest_value,
    arg_max(status, year) as latest_status, count(*) as years
  from district
  group by target_id
),

-- the base: the first year whose district value was judged with every owed school in
first_complete as (
  select target_id, min(year) as first_year, arg_min(value, year) as first_value
  from district
  where complete
  group by target_id
),

rates as (
  select
    t.target_id,
    t.share,
    t.unit,
    t.goal,
    t.direction,
    t.target_year,
    f.first_year,
    l.latest_year,
    f.first_value,
    l.latest_value,
    l.latest_status,
    l.years,
    case when l.latest_year > f.first_year and f.first_value > 0 and l.latest_value >= 0
      then pow(l.latest_value / f.first_value, 1 / (l.latest_year - f.first_year)) - 1 end as observed_rate,
    case when t.target_year > f.first_year and f.first_value > 0 and t.goal >= 0
      then pow((case when t.goal = 0 then 0.001 else t.goal end) / f.first_value, 1 / (t.target_year - f.first_year)) - 1 end as required_rate,
    case when l.latest_year > f.first_year
      then (l.latest_value - f.first_value) / (l.latest_year - f.first_year) end as observed_change,
    case when t.target_year > f.first_year
      then (t.goal - f.first_value) / (t.target_year - f.first_year) end as required_change
  from level_targets as t
  join latest as l on l.target_id = t.target_id
  left join first_complete as f on f.target_id = t.target_id
),

target_progress as (
  select
    r.target_id,
    r.share,
    r.unit,
    r.direction::INTEGER as direction,
    r.first_year,
    r.latest_year,
    r.first_value,
    r.latest_value,
    r.goal as threshold,
    r.target_year::INTEGER as target_year,
    r.observed_rate,
    r.required_rate,
    r.observed_change,
    r.required_change,
    r.direction * r.observed_rate / nullif(abs(r.required_rate), 0) as ratio,
    case
      when r.latest_status = 'met' then 'met'
      when r.latest_status <> 'not_met' then 'incomplete'
      when r.first_year is null or r.first_year >= r.latest_year then 'one_year'
      when r.observed_rate is null or r.required_rate is null then 'cannot'
      when r.direction * r.observed_rate < 0 then 'regress'
      when r.required_rate = 0 then 'cannot'
      when r.direction * r.observed_rate / abs(r.required_rate) >= s.on_track then 'on_track'
      when r.direction * r.observed_rate / abs(r.required_rate) >= s.accelerate then 'accelerate'
      else 'limited'
    end as category
  from rates as r
  cross join settings as s
)

select * from target_progress
