-- grain: one row per school × year whose vision figures came from another kind of source than the
-- year before: its change of myopia rate is not computed, and the quality page lists it.
-- depends: vision_sources
with vision_source_changes as (
  select cur.year, cur.school_id, cur.source, prev.source as previous_source
  from vision_sources as cur
  join vision_sources as prev on prev.school_id = cur.school_id and prev.year = cur.year - 1
  where cur.source <> prev.source
)

select * from vision_source_changes
