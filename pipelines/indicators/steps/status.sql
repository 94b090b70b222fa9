-- grain: one row per target × year × school (school_id null for the district row), for every
-- year in which the target's datasets hold any row. Adds no_data rows for applicable schools that
-- did not report, the district row of school-scope targets, thresholds, statuses, and on district
-- rows how many schools owed the target's data and how many sent all of it (rule: docs/completeness.md,
-- 全区行), and the bounds of a district value while schools are missing (rule: docs/bounds.md): lower_bound and upper_bound are the value with every missing school at its worst
-- and at its best (null where no bound can be known), schools_missing how many schools have not sent
-- all they owe. Reads family_values and target_arrivals.
with target_years as (
  select distinct d.target_id, y.year
  from target_datasets as d
  join dataset_years as y on y.dataset = d.dataset
),

-- every applicable school of a year: its value, and whether all it owes arrived and was used
school_facts as (
  select
    y.target_id,
    y.year,
    a.school_id,
    v.numerator,
    v.denominator,
    v.value,
    v.rule_met,
    r.owed_units > 0 as owes,
    r.complete_units < r.owed_units or v.units_left_out > 0 as lacks_units
  from target_years as y
  join applicable as a on a.target_id = y.target_id
  left join family_values as v on v.target_id = y.target_id and v.year = y.year and v.school_id = a.school_id
  left join target_arrivals as r on r.target_id = y.target_id and r.year = y.year and r.school_id = a.school_id
),

school_rows as (
  select
    f.target_id,
    f.year,
    f.school_id,
    f.value,
    t.threshold,
    case
      when f.value is null then 'no_data'
      when t.comparator = 'info' then 'info'
      when f.lacks_units then 'incomplete'
      else verdict(f.value, t.comparator, t.threshold, f.rule_met)
    end as status,
    f.numerator,
    f.denominator,
    null::INTEGER as schools_owed,
    null::INTEGER as schools_reported,
    null::DOUBLE as lower_bound,
    null::DOUBLE as upper_bound,
    null::INTEGER as schools_missing
  from school_facts as f
  join targets as t on t.target_id = f.target_id and t.scope in ('school', 'both')
),

-- a school sent the target's data when everything it owes arrived and every unit could be used
-- (and, where the target has school rows, it has a value)
district_counts as (
  select
    f.target_id,
    f.year,
    count(*) filter (where f.owes) as schools_owed,
    count(*) filter (
      where f.owes and f.lacks_units is not true and (t.scope = 'district' or f.value is not null)
    ) as schools_reported
  from school_facts as f
  join targets as t on t.target_id = f.target_id
  group by f.target_id, f.year
),

-- both/district scope: the family's pooled value, and the schools it stands on. A change stands on its
-- matched panel, which its family counts in the same row as the value (a change without a panel has no
-- value: no_data); any other value stands on the schools that sent all they owe (district_counts). No
-- count is made up: a value whose family names no panel takes the count of the schools that reported.
pooled_facts as (
  select
    y.target_id,
    y.year,
    v.value,
    v.rule_met,
    v.numerator,
    v.denominator,
    c.schools_owed,
    case when v.schools_reported is null then c.schools_reported else v.schools_reported end as schools_reported
  from target_years as y
  left join family_values as v on v.target_id = y.target_id and v.year = y.year and v.school_id is null
  left join district_counts as c on c.target_id = y.target_id and c.year = y.year
),

-- the pupils a school that has not sent all it owes may still add to a pooled rate: its size at its
-- last report of the target (the latest earlier year with a denominator) less what it sent this year;
-- unknown when it never reported (then no bound can be drawn)
missing_pupils as (
  select
    f.target_id,
    f.year,
    count(*) as schools,
    count(*) filter (where last.denominator is null) as unknown_size,
    -- what it sent this year is none when it sent no count at all: all its pupils may still come
    sum(greatest(last.denominator - coalesce(f.denominator, 0), 0)) as pupils
  from school_facts as f
  join targets as t on t.target_id = f.target_id and pupil_rate(t.scope, t.display_unit)
  left join lateral (
    select p.denominator
    from family_values as p
    where p.target_id = f.target_id and p.school_id = f.school_id and p.year < f.year and p.denominator is not null
    order by p.year desc
    limit 1
  ) as last on true
  where f.owes and (f.lacks_units or f.value is null)
  group by f.target_id, f.year
),

-- a pooled rate: none or all of the missing pupils counted; a tally only grows (no upper bound)
pooled_bounds as (
  select
    f.*,
    f.schools_owed - f.schools_reported as schools_missing,
    case
      when f.schools_reported >= f.schools_owed then null
      when t.tally then f.value
      when pupil_rate(t.scope, t.display_unit) and m.unknown_size = 0 and f.denominator + m.pupils > 0
        then f.numerator / (f.denominator + m.pupils)
    end as lower_bound,
    case
      when f.schools_reported >= f.schools_owed then null
      when pupil_rate(t.scope, t.display_unit) and m.unknown_size = 0 and f.denominator + m.pupils > 0
        then (f.numerator + m.pupils) / (f.denominator + m.pupils)
    end as upper_bound
  from pooled_facts as f
  join targets as t on t.target_id = f.target_id
  left join missing_pupils as m on m.target_id = f.target_id and m.year = f.year
),

pooled_rows as (
  select
    f.target_id,
    f.year,
    null as school_id,
    f.value,
    t.threshold,
    case
      when f.value is null then 'no_data'
      when t.comparator = 'info' then 'info'
      when f.schools_missing > 0 then
        case
          -- both bounds on one side of the threshold: nothing the missing schools send changes the verdict
          when f.upper_bound is not null
            and verdict(f.lower_bound, t.comparator, t.threshold, f.rule_met)
              = verdict(f.upper_bound, t.comparator, t.threshold, f.rule_met)
            then verdict(f.lower_bound, t.comparator, t.threshold, f.rule_met)
          -- a tally (a count that only grows as schools report) already over its limit stays not met
          when t.tally and not passes(f.lower_bound, t.comparator, t.threshold) then 'not_met'
          else 'incomplete'
        end
      else verdict(f.value, t.comparator, t.threshold, f.rule_met)
    end as status,
    f.numerator,
    f.denominator,
    f.schools_owed,
    f.schools_reported,
    f.lower_bound,
    f.upper_bound,
    f.schools_missing
  from pooled_bounds as f
  join targets as t on t.target_id = f.target_id and t.scope in ('both', 'district')
),

-- 校校达标: share of the applicable schools met (no_data and incomplete count as not met); met only
-- when all are, not met as soon as one is not, incomplete while some have not sent all they owe.
-- Bounds: every school not yet judged (incomplete, no_data) failing, or meeting.
district_of_schools as (
  select
    y.target_id,
    y.year,
    null as school_id,
    case when count(s.value) = 0 or t.comparator = 'info' then null
      else count(*) filter (where s.status = 'met') / count(s.school_id) end as value,
    case when t.comparator = 'info' then null else 1 end as threshold,
    case
      when count(s.value) = 0 then 'no_data'
      when t.comparator = 'info' then 'info'
      when count(*) filter (where s.status = 'not_met') > 0 then 'not_met'
      when count(*) filter (where s.status in ('incomplete', 'no_data')) > 0 then 'incomplete'
      else 'met'
    end as status,
    count(*) filter (where s.status = 'met') as numerator,
    count(s.school_id) as denominator,
    any_value(c.schools_owed) as schools_owed,
    any_value(c.schools_reported) as schools_reported,
    case when count(s.value) > 0 and t.comparator <> 'info' and count(*) filter (where s.status in ('incomplete', 'no_data')) > 0
      then count(*) filter (where s.status = 'met') / count(s.school_id) end as lower_bound,
    case when count(s.value) > 0 and t.comparator <> 'info' and count(*) filter (where s.status in ('incomplete', 'no_data')) > 0
      then count(*) filter (where s.status in ('met', 'incomplete', 'no_data')) / count(s.school_id) end as upper_bound,
    (any_value(c.schools_owed) - any_value(c.schools_reported))::INTEGER as schools_missing
  from target_years as y
  join targets as t on t.target_id = y.target_id and t.scope = 'school'
  left join school_rows as s on s.target_id = y.target_id and s.year = y.year
  left join district_counts as c on c.target_id = y.target_id and c.year = y.year
  group by y.target_id, y.year, t.comparator
),

statuses as (
  select * from school_rows
  union all
  select * from pooled_rows
  union all
  select * from district_of_schools
)

select * from statuses
