-- macro passes(v, comparator, threshold) → BOOLEAN: whether value v meets threshold under comparator
-- ('>=' or '<='), with the relative tolerance() of seeds/parameters.csv, so a value equal to its threshold in
-- decimal counts as met. NULL for any other comparator ('info') or when v or threshold is NULL: a value that
-- did not arrive is never met.
-- grain: a scalar over one value; calls tolerance().
create or replace temp macro passes(v, comparator, threshold) as case comparator
  when '>=' then v >= threshold - tolerance() * greatest(abs(threshold), abs(v))
  when '<=' then v <= threshold + tolerance() * greatest(abs(threshold), abs(v))
  end
