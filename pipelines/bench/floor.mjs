// The floor of the records benchmark, run by a bare `node` (no tsx, nothing of the project):
// DuckDB's own read_csv of the file into a table of a fresh database file, column types given,
// no sniffing, bad rows skipped (ignore_errors). Given a salt file, the floor also does the one
// thing the contract demands of every row that read_csv does not: student_id is stored only as
// sha256(salt:student_id), as the ingest stores it. Prints {"rows", "maxRssBytes"} as JSON.
// Usage: node floor.mjs FILE.csv DB.duckdb '[["year","INTEGER"],…]' [SALT_FILE]
import fs from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";

const [file, db, typesJson, saltFile] = process.argv.slice(2);
const salt = saltFile ? fs.readFileSync(saltFile, "utf8").trim() : undefined;
const types = JSON.parse(typesJson);
const quote = (text) => `'${text.replace(/'/g, "''")}'`;
const instance = await DuckDBInstance.create(db);
const connection = await instance.connect();
await connection.run(`create table records (${types.map(([n, t]) => `"${n}" ${t}`).join(", ")})`);
const columns = types.map(([n, t]) => `${quote(n)}: ${quote(t)}`).join(", ");
const hashed = salt ? ` replace (sha256(${quote(salt)} || ':' || student_id) as student_id)` : "";
await connection.run(
  `insert into records select *${hashed} from read_csv(${quote(file)}, header = true, auto_detect = false,
    delim = ',', quote = '"', escape = '"', ignore_errors = true, columns = {${columns}})`,
);
const reader = await connection.runAndReadAll("select count(*)::integer as n from records");
const rows = reader.getRowObjectsJS()[0].n;
connection.closeSync();
instance.closeSync();
console.log(JSON.stringify({ rows, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
