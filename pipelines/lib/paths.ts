import path from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root (two levels above this file). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const seedsDir = path.join(root, "seeds");
export const sampleDir = path.join(seedsDir, "sample");
export const defaultRawDir = path.join(root, "data", "raw");
export const defaultExportsDir = path.join(root, "data", "exports");

/** The warehouse file: --db, else $WAREHOUSE, else data/warehouse.duckdb (rule: docs/interfaces.md). */
export function warehousePath(flag?: string): string {
  const chosen = flag ?? process.env.WAREHOUSE ?? path.join(root, "data", "warehouse.duckdb");
  return path.resolve(chosen);
}
