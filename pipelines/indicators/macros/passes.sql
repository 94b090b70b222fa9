-- macro passes(v, comparator, threshold) → BOOLEAN: whether value v meets threshold under comparator
-- ('>=' or '<='), with the relative tolerance of seeds/parameters.csv (the first row with no target and
-- parameter `tolerance`, 0 without one), so a value equal to its threshold in decimal counts as met.
-- NULL for any other comparator ('info') or when v or threshold is NULL.
-- grain: a scalar over one value; reads the scratch table `parameters`.
create or replace temp macro passes(v, comparator, threshold) as case comparator
  when '>=' then v >= threshold - coalesce((
      select value from parameters where target_id is null and parameter = 'tolerance' order by rowid limit 1
    ), 0) * greatest(abs(threshold), abs(v))
  when '<=' then v <= threshold + coalesce((
      select value from parameters where target_id is null and parameter = 'tolerance' order by rowid limit 1
    ), 0) * greatest(abs(threshold), abs(v))
  end
