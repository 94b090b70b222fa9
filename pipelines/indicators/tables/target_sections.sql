-- grain: one row per target × section it applies to (the registry's applies_to; `milestone` for a
-- target of the district's ledger).
create or replace temp table target_sections (target_id VARCHAR, section VARCHAR)
