-- grain: one district row per coefficient-of-variation target × year, and one row per
-- six-of-seven target × year × applicable school. Each section of a combined school counts as one
-- school (教督〔2017〕6号; rule: docs/methods.md). The resource indicators are the registry's school targets with a
-- measure of section_resources; their thresholds and the 85% floor come from the registries.
with cv_sections as (
  select t.target_id, r.year, r.school_id, r.section, r.students, r.value
  from targets as t
  join target_sections as s on s.target_id = t.target_id
  join section_resources as r on r.measure = t.measure and r.section = s.section
  join applicable as a on a.target_id = t.target_id and a.school_id = r.school_id
  where t.target_id like 'balance.cv.%'
),

-- Floating-point sums depend on the order of their terms, and DuckDB fixes no order for sum() (threads,
-- storage order): a re-run could move the last digits of the CV and of the progress from it. So every
-- double sum here adds its terms in one stated order, school then section, as list_sum of an ordered
-- list; student counts are integers and sum exactly.
cv_means as (
  select
    target_id,
    year,
    list_sum(list(students * value order by school_id, section)) / sum(students) as mean
  from cv_sections
  group by target_id, year
),

-- student-weighted: mean = Σ P·X / P, S = √(Σ P·(X − mean)² / P), CV = S / mean
cv_spreads as (
  select
    c.target_id,
    c.year,
    sqrt(list_sum(list(c.students * pow(c.value - m.mean, 2) order by c.school_id, c.section)) / sum(c.students))
      as spread,
    any_value(m.mean) as mean
  from cv_sections as c
  join cv_means as m using (target_id, year)
  group by c.target_id, c.year
),

cv as (
  select
    target_id,
    year,
    null as school_id,
    spread as numerator,
    mean as denominator,
    spread / nullif(mean, 0) as value,
    null::BOOLEAN as rule_met
  from cv_spreads
),

-- the resource indicators a six-of-seven target counts: school targets of its section with a measure
resource_targets as (
  select six.target_id, k.target_id as resource_target_id, k.measure, s.section, k.threshold
  from targets as six
  join target_sections as s on s.target_id = six.target_id
  join targets as k on k.scope = 'school' and k.measure in (select distinct measure from section_resources)
  join target_sections as ks on ks.target_id = k.target_id and ks.section = s.section
  where six.target_id like 'balance.six_of_seven.%'
),

judged as (
  select
    rt.target_id,
    r.year,
    r.school_id,
    passes(r.value, '>=', rt.threshold) as is_met,
    passes(r.value, '>=', f.value * rt.threshold) as above_floor
  from resource_targets as rt
  join parameters as f on f.target_id = rt.target_id and f.parameter = 'unmet_floor'
  join section_resources as r on r.measure = rt.measure and r.section = rt.section
  join applicable as a on a.target_id = rt.target_id and a.school_id = r.school_id
),

-- met only when at least 6 of the 7 are met and every unmet one reaches the floor of its threshold
six_of_seven as (
  select
    target_id,
    year,
    school_id,
    count(*) filter (where is_met) as numerator,
    count(*) as denominator,
    count(*) filter (where is_met) as value,
    bool_and(is_met or above_floor) as rule_met
  from judged
  group by target_id, year, school_id
),

balance_values as (
  select * from cv
  union all
  select * from six_of_seven
)

select * from balance_values
