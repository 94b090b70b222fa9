-- macro verdict(v, comparator, threshold, rule_met) → VARCHAR: how a value judged on complete data
-- stands — 'info' when the comparator is 'info' (a figure with no threshold), 'met' when the value
-- passes its threshold (macro passes) and the family's own rule (rule_met) is not false, else 'not_met'
-- (a NULL value is 'not_met': the status step decides no_data before it asks).
-- grain: a scalar over one value; calls passes.
create or replace temp macro verdict(v, comparator, threshold, rule_met) as case
  when comparator = 'info' then 'info'
  when rule_met is not false and passes(v, comparator, threshold) then 'met'
  else 'not_met' end
