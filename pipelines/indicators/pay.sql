-- grain: one district row per year: the teacher-weighted mean pay of compulsory-education teachers
-- (义务教育教师, plan clause 32; 义务教育法 第31条) against the civil servants' mean pay of the same year.
-- A school with a primary or junior section and no senior section: all its teachers are compulsory-education
-- teachers (its row as sent; the compulsory columns, meant for schools with a senior section, are not read). A school that also has a senior section (complete secondary, twelve-year) counts
-- with the teachers and mean pay of its primary and junior sections (optional columns compulsory_teachers,
-- compulsory_avg_annual_pay_yuan); without them it is left out of numerator and denominator alike (no split
-- is made up) and counted as a unit left out, so the district row says which schools are missing.
-- The per-school rows carry only that count: a district target publishes no school rows.
with senior_schools as (
  select distinct school_id from school_sections where section = 'senior'
),

school_pay as (
  select
    p.year,
    p.school_id,
    case
      when h.school_id is null then p.teachers
      when p.compulsory_avg_annual_pay_yuan is not null then p.compulsory_teachers
    end as teachers,
    case
      when h.school_id is null then p.avg_annual_pay_yuan
      when p.compulsory_teachers is not null then p.compulsory_avg_annual_pay_yuan
    end as pay
  from teacher_pay as p
  join applicable as a on a.school_id = p.school_id and a.target_id = 'pay.teacher_parity'
  left join senior_schools as h on h.school_id = p.school_id
),

teacher_mean as (
  select year, sum(teachers * pay) / sum(teachers) as pay
  from school_pay
  where teachers is not null
  group by year
),

pay_values as (
  select
    'pay.teacher_parity' as target_id,
    t.year,
    null as school_id,
    t.pay as numerator,
    r.civil_servant_avg_annual_pay_yuan as denominator,
    t.pay / nullif(r.civil_servant_avg_annual_pay_yuan, 0) as value,
    null::INTEGER as units_left_out
  from teacher_mean as t
  left join district_reference as r on r.year = t.year
  union all
  select 'pay.teacher_parity', year, school_id, null, null, null, (teachers is null)::INTEGER
  from school_pay
)

select * from pay_values
