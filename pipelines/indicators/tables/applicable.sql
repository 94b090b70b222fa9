-- grain: one row per target × school that has a section the target applies to.
create or replace temp table applicable as
select distinct ts.target_id, ss.school_id
from target_sections ts join school_sections ss using (section)
