-- grain: one row per stage × section of a combined school: the weight of the section's pupils when a
-- 全校 facilities row is split among its sections (views/facility_sections.sql). A rule table, kept in
-- the warehouse for the dashboard's views; its rows are seeds/section_weights.csv.
create or replace table section_weights (stage VARCHAR, section VARCHAR, weight DOUBLE)
