// The floor of the records benchmark, run by a bare `node` (no tsx, nothing of the project):
// DuckDB's own read_csv of the file into a table of a fresh database file, column types given,
// no sniffing, bad rows skipped (ignore_errors). Given a salt file, the floor also does the one
// thing the contract demands of every row that read_csv does not: student_id is stored only as
// sha256(salt:student_id), as the ingest stores it. Given a memory limit as well, it also stores each
// row's line, as the contract's source_line demands: DuckDB 1.5's read_csv gives no row number, and
// its fastest way to one is a copy of the file in file order (a temporary table, its rowid the line,
// spilled beyond that limit, the one the ingest uses), from which the rows are then stored. That copy
// is what any reader of this DuckDB pays for line numbers; it holds the cells as the floor types them
// (a bad row the floor skips shifts the lines after it by one: the cost is the same).
// Prints {"rows", "maxRssBytes"} as JSON.
// Usage: node floor.mjs FILE.csv DB.duckdb '[["year","INTEGER"],…]' [SALT_FILE [MEMORY_LIMIT]]
import fs from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";

const [file, db, typesJson, saltFile, orderedLimit] = process.argv.slice(2);
const salt = saltFile ? fs.readFileSync(saltFile, "utf8").trim() : undefined;
const types = JSON.parse(typesJson);
const quote = (text) => `'${text.replace(/'/g, "''")}'`;
const instance = await DuckDBInstance.create(db);
const connection = await instance.connect();
await connection.run(`create table records (${types.map(([n, t]) => `"${n}" ${t}`).join(", ")})`);
const columns = types.map(([n, t]) => `${quote(n)}: ${quote(t)}`).join(", ");
const hashed = salt ? ` replace (sha256(${quote(salt)} || ':' || student_id) as student_id)` : "";
const reader = `read_csv(${quote(file)}, header = true, auto_detect = false,
    delim = ',', quote = '"', escape = '"', ignore_errors = true, columns = {${columns}})`;
if (orderedLimit) {
  // as the ingest: within its memory limit, the copy in file order, then stored in any order with its line
  await connection.run("alter table records add column source_line INTEGER");
  await connection.run(`set memory_limit = ${quote(orderedLimit)}`);
  await connection.run("set preserve_insertion_order = true");
  await connection.run(`create temp table copy as select * from ${reader}`);
  await connection.run("set preserve_insertion_order = false");
  await connection.run(`insert into records select *${hashed}, 2 + rowid from copy`);
} else await connection.run(`insert into records select *${hashed} from ${reader}`);
const counted = await connection.runAndReadAll("select count(*)::integer as n from records");
const rows = counted.getRowObjectsJS()[0].n;
connection.closeSync();
instance.closeSync();
console.log(JSON.stringify({ rows, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
