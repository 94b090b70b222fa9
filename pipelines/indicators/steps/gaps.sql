-- grain: one row per target × year × school that owes the target's data and has not sent all of it:
-- the schools behind a district's "已报 x/y 校" and its 数据不全. units_short: owed units (report ×
-- section) that did not arrive whole (a missing grade or rejected rows included); units_left_out: units
-- that arrived but lack a count the formula needs (a blank cell); no_value: a school-level value could
-- not be computed at all. Reads target_arrivals, family_values and targets.
with gaps as (
  select
    a.target_id,
    a.year,
    a.school_id,
    (a.owed_units - a.complete_units)::INTEGER as units_short,
    coalesce(v.units_left_out, 0)::INTEGER as units_left_out,
    t.scope <> 'district' and v.value is null as no_value
  from target_arrivals as a
  join targets as t on t.target_id = a.target_id
  left join family_values as v on v.target_id = a.target_id and v.year = a.year and v.school_id = a.school_id
  where a.owed_units > 0
    and (a.complete_units < a.owed_units or v.units_left_out > 0 or (t.scope <> 'district' and v.value is null))
)

select * from gaps
