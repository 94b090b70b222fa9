-- grain: one row per dataset a target reads × year it holds any row (filled by scratch.ts, one dataset
-- at a time): the years the engine computes the dataset's targets for.
create or replace temp table dataset_years (dataset VARCHAR, year INTEGER)
