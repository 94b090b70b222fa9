// The floor of the records benchmark, run by a bare `node` (no tsx, nothing of the project):
// DuckDB's own read_csv of the file into a table of a fresh database file, column types given,
// no sniffing, bad rows skipped (ignore_errors). Prints {"rows", "maxRssBytes"} as JSON.
// Usage: node floor.mjs FILE.csv DB.duckdb '[["year","INTEGER"],…]'
import { DuckDBInstance } from "@duckdb/node-api";

const [file, db, typesJson] = process.argv.slice(2);
const types = JSON.parse(typesJson);
const quote = (text) => `'${text.replace(/'/g, "''")}'`;
const instance = await DuckDBInstance.create(db);
const connection = await instance.connect();
await connection.run(`create table records (${types.map(([n, t]) => `"${n}" ${t}`).join(", ")})`);
const columns = types.map(([n, t]) => `${quote(n)}: ${quote(t)}`).join(", ");
await connection.run(
  `insert into records select * from read_csv(${quote(file)}, header = true, auto_detect = false,
    delim = ',', quote = '"', escape = '"', ignore_errors = true, columns = {${columns}})`,
);
const reader = await connection.runAndReadAll("select count(*)::integer as n from records");
const rows = reader.getRowObjectsJS()[0].n;
connection.closeSync();
instance.closeSync();
console.log(JSON.stringify({ rows, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
