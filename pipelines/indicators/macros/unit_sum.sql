-- macro unit_sum(x, other) → aggregate: the sum of x over complete units only — a unit (a row: a grade,
-- a school) counts where it holds both x and the other count of its pair, so the numerator and the
-- denominator of a rate are summed over the same units (unit_sum(n, d) and unit_sum(d, n)). A blank
-- is never read as 0; NULL when no unit is complete. The units left out: macro units_left_out.
-- grain: an aggregate over the units of one group.
create or replace temp macro unit_sum(x, other) as sum(case when other is not null then x end)
