// What generateDistrict gives: the written files, their deliberate defects, the district and its late reports.
import type { District } from "./context.ts";
import type { LateReport } from "./lateness.ts";
import type { DefectAt, Written } from "./writeCsv.ts";

export interface Generated {
  files: Written[];
  defects: DefectAt[];
  district: District;
  /** Reports of the last year that are late or partial (as the README lists them). */
  late: LateReport[];
}
