-- macro units_left_out(x, other) → aggregate BIGINT: how many units (rows) of the group lack x or
-- the other count of its pair, i.e. the units unit_sum(x, other) leaves out (never read as 0).
-- grain: an aggregate over the units of one group.
create or replace temp macro units_left_out(x, other) as count(*) - count(x + other)
