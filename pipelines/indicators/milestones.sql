-- grain: one district row per milestone target × year: what was achieved at the latest as_of
-- of the year. Serves every target whose applies_to is `milestone`, so a new ledger target
-- needs only its registry row.
with ledger as (
  select
    m.target_id,
    m.year,
    m.achieved,
    row_number() over (partition by m.target_id, m.year order by m.as_of desc) as recency
  from milestones as m
  join target_sections as t on t.target_id = m.target_id and t.section = 'milestone'
),

milestone_values as (
  select target_id, year, null as school_id, null as numerator, null as denominator, achieved as value
  from ledger
  where recency = 1
)

select * from milestone_values
