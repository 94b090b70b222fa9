-- macro clean_cell(v) → VARCHAR: the normalised cell (macro norm_text), or NULL when it is one of the
-- "no value" marks (variable no_value_marks: spellings.ts noValueMarks, the JavaScript reader's list too).
-- grain: a scalar over one cell; calls norm_text.
create or replace temp macro clean_cell(v) as
  case when list_contains(getvariable('no_value_marks'), norm_text(v)) then null else norm_text(v) end
