-- grain: one row per stage × section of that stage (a nine-year school has a primary and a junior
-- section). A rule table, kept in the warehouse for the dashboard's views; its rows are the stages of
-- pipelines/lib/codes.ts (sectionsOfStage), written by scratch.ts writeRuleTables.
create or replace table stage_sections (stage VARCHAR, section VARCHAR)
