-- grain: one row per school × year: where the school's vision figures came from — summary rows,
-- student records, or a mix of the two (some grades each).
-- depends: vision_by_grade
with vision_sources as (
  select
    year,
    school_id,
    case
      when bool_and(source = 'records') then 'records'
      when bool_and(source = 'summary') then 'summary'
      else 'mixed'
    end as source
  from vision_by_grade
  group by year, school_id
)

select * from vision_sources
