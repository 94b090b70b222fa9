-- grain: one district row per milestone target × year: what was achieved at the latest as_of
-- of the year. Serves every target whose applies_to is `milestone`, so a new ledger target
-- needs only its registry row. A document the plan says to issue (unit `documents`) counts 1 when
-- the latest row records it issued (issued_on) by 31 December of the year, 0 when issued later or
-- not issued (achieved 0), and has no value when the row says issued but records no date.
with ledger as (
  select
    m.target_id,
    m.year,
    case
      when t.display_unit is distinct from 'documents' then m.achieved
      when m.issued_on is not null then (m.issued_on <= make_date(m.year, 12, 31))::INTEGER
      when m.achieved = 0 then 0
    end as achieved,
    row_number() over (partition by m.target_id, m.year order by m.as_of desc) as recency
  from milestones as m
  join target_sections as s on s.target_id = m.target_id and s.section = 'milestone'
  join targets as t on t.target_id = m.target_id
),

milestone_values as (
  select target_id, year, null as school_id, null as numerator, null as denominator, achieved as value
  from ledger
  where recency = 1
)

select * from milestone_values
