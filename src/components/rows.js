// Arrow tables → plain row objects for the pages.

/** Rows of an apache-arrow Table as plain objects. */
export function arrowRows(table) {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n));
  const rows = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row = {};
    names.forEach((n, j) => (row[n] = columns[j].get(i)));
    rows[i] = row;
  }
  return rows;
}
