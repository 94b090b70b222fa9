-- macro cell_number(v) → DOUBLE: a normalised cell read as a number — a plain number (variable
-- number_pattern) or one with thousands separators in their places (variable grouped_pattern, 1,234.5);
-- NULL for anything else. Both patterns are spellings.ts's, which the JavaScript reader uses too.
-- grain: a scalar over one cell.
create or replace temp macro cell_number(v) as
  case when regexp_full_match(replace(v, ',', ''), getvariable('number_pattern'))
        and (not contains(v, ',') or regexp_full_match(v, getvariable('grouped_pattern')))
       then try_cast(replace(v, ',', '') as double) end
