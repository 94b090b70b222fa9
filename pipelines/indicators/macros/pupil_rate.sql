-- macro pupil_rate(scope, display_unit) → BOOLEAN: whether a target is a rate over pupils pooled from
-- its schools (scope 'both', a ratio): what a missing school may add is bounded by its pupils (the
-- status step's bounds), and a small denominator is not published (smallNumbers.ts).
-- grain: a scalar over one row of `targets`.
create or replace temp macro pupil_rate(scope, display_unit) as scope = 'both' and display_unit = 'ratio'
