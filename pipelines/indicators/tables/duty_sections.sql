-- grain: one row per dataset × section whose schools owe it every year it is collected (dictionary
-- column owed_by).
create or replace temp table duty_sections (dataset VARCHAR, section VARCHAR)
