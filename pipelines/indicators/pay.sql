-- grain: one district row per year: the teacher-weighted mean pay of the schools with a primary
-- or junior section against the civil servants' mean pay of the same year (义务教育法 第31条).
with teacher_mean as (
  select p.year, sum(p.teachers * p.avg_annual_pay_yuan) / sum(p.teachers) as pay
  from teacher_pay as p
  join applicable as a on a.school_id = p.school_id and a.target_id = 'pay.teacher_parity'
  group by p.year
),

pay_values as (
  select
    'pay.teacher_parity' as target_id,
    t.year,
    null as school_id,
    t.pay as numerator,
    r.civil_servant_avg_annual_pay_yuan as denominator,
    t.pay / nullif(r.civil_servant_avg_annual_pay_yuan, 0) as value
  from teacher_mean as t
  left join district_reference as r on r.year = t.year
)

select * from pay_values
