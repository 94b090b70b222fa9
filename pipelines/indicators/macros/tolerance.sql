-- macro tolerance() → DOUBLE: the relative tolerance of every comparison with a threshold, the first row of
-- seeds/parameters.csv with no target and parameter `tolerance`. A setting, not data: without that row a
-- comparison is exact (0); no value of a school ever stands in for it.
-- grain: a scalar; reads the scratch table `parameters`.
create or replace temp macro tolerance() as coalesce((
  select value from parameters where target_id is null and parameter = 'tolerance' order by rowid limit 1
), 0)
