-- macro rows_in_target_sections(tbl) → TABLE (target_id, grade_number, every column of tbl): the rows
-- of a table with a grade and a school (pe, class_sizes, vision_by_grade), named by a string, whose
-- grade is in a section of its school that a target applies to — one row per row of tbl × target
-- applicable to its school and section, with the target and the grade's number (NULL for K1–K3).
-- grain: one row per row of tbl × target; reads grade_sections, school_sections, target_sections, applicable.
create or replace temp macro rows_in_target_sections(tbl) as table
  select a.target_id, g.grade_number, d.*
  from query_table(tbl) as d
  join grade_sections as g on g.grade = d.grade
  join school_sections as s on s.school_id = d.school_id and s.section = g.section
  join target_sections as t on t.section = g.section
  join applicable as a on a.target_id = t.target_id and a.school_id = d.school_id
