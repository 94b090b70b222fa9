// Rows → Arrow IPC bytes for the large loaders (strings dictionary-encoded, numbers nullable).
import { Dictionary, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray } from "apache-arrow";

export type ColumnType = "string" | "float" | "int";

export function rowsToArrow(rows: Record<string, unknown>[], columns: Record<string, ColumnType>): Uint8Array {
  const vectors: Record<string, ReturnType<typeof vectorFromArray>> = {};
  for (const [name, type] of Object.entries(columns)) {
    const values = rows.map((r) => (r[name] === undefined ? null : r[name]));
    const dataType =
      type === "string" ? new Dictionary(new Utf8(), new Int32()) : type === "int" ? new Int32() : new Float64();
    vectors[name] = vectorFromArray(
      values.map((v) => (v === null ? null : type === "string" ? String(v) : Number(v))),
      dataType as never,
    );
  }
  return tableToIPC(new Table(vectors), "file");
}

/** Writes bytes to stdout and resolves when they are flushed. */
export function writeStdout(bytes: Uint8Array | string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(bytes, (error) => (error ? reject(error) : resolve())));
}

/** Rows of indicator_values as Arrow, with the columns the pages read. */
export function indicatorArrow(rows: object[]): Uint8Array {
  return rowsToArrow(rows as Record<string, unknown>[], {
    target_id: "string",
    year: "int",
    school_id: "string",
    value: "float",
    threshold: "float",
    status: "string",
    numerator: "float",
    denominator: "float",
    schools_owed: "int",
    schools_reported: "int",
    lower_bound: "float",
    upper_bound: "float",
    schools_missing: "int",
    suppressed: "int",
  });
}
