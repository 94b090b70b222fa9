-- grain: one row per dataset × the report its rows count for, for the datasets that count for a report
-- some schools owe (dictionary column fulfils: student records count for the vision report).
create or replace temp table dataset_duties (dataset VARCHAR, duty VARCHAR)
