-- grain: one row per school of the registry × section of its stage (table stage_sections).
create or replace temp table school_sections as
select s.school_id, ss.section from schools s join stage_sections ss using (stage)
