-- grain: one row per target × dataset it reads: the target is computed for every year these datasets
-- hold a row (dataset_years).
create or replace temp table target_datasets (target_id VARCHAR, dataset VARCHAR)
