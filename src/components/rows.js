// Arrow tables → plain row objects, and lookups shared by the pages.

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

/** Rows grouped by a key function into a Map of arrays. */
export function groupBy(rows, key) {
  const groups = new Map();
  for (const row of rows) {
    const k = key(row);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(row);
  }
  return groups;
}
