-- grain: one row per grade code (K1–K3, 1–12) × section the grade can belong to (grade 3: primary or
-- special). grade_number: the grade as a number, NULL for K1–K3. A rule table, kept in the warehouse
-- for the dashboard's views; its rows come from pipelines/lib/codes.ts (sectionsOfGrade).
create or replace table grade_sections (grade VARCHAR, section VARCHAR, grade_number INTEGER)
