// The data files the pages load, from one read of the warehouse: one loader (src/data/site.zip.ts) writes
// them all into one archive, from which Framework extracts the files each page names — one process and
// one opening of the warehouse rather than one of each per file.
import type { DuckDBConnection } from "@duckdb/node-api";
import { areas } from "../../src/shared/vocabulary.js";
import { indicatorArrow, rowsToArrow } from "./arrow.ts";
import { gradeLabels, stageLabels } from "./codes.ts";
import { emptyQuality, readQuality } from "./quality.ts";
import { personalDatasets, publicRecord, publicReject } from "./personal.ts";
import {
  queryIndicatorRows,
  queryOversizeClasses,
  queryProgress,
  querySchools,
  schoolStatusCounts,
  type Snapshot,
} from "./snapshot.ts";
import { readTargets } from "./targets.ts";
import { queryRows } from "./warehouse.ts";

export type SiteFiles = Record<string, Uint8Array | string>;

/**
 * Every file of the site's data: name in the archive → contents; `facts` is report.json (plan, load time,
 * fingerprint); `snapshot`, when already read from this connection, gives the rows, schools, progress and classes.
 */
export async function siteFiles(
  connection: DuckDBConnection | null,
  facts: object,
  snapshot?: Snapshot,
): Promise<SiteFiles> {
  const targets = readTargets();
  const rows = snapshot ? snapshot.rows : connection ? await queryIndicatorRows(connection) : [];
  const schools = snapshot ? snapshot.schools : connection ? await querySchools(connection) : [];
  const progress = snapshot ? snapshot.progress : connection ? await queryProgress(connection) : [];
  const classes = snapshot ? snapshot.oversizeClasses : connection ? await queryOversizeClasses(connection) : [];
  const areaOf = new Map(targets.map((t) => [t.target_id, t.area]));
  const files: SiteFiles = {
    "report.json": JSON.stringify(facts),
    "targets.json": JSON.stringify({ targets: targets.map(({ explanation_zh, source_zh, ...t }) => t) }),
    "target_notes.json": JSON.stringify(
      targets.map((t) => ({ target_id: t.target_id, explanation_zh: t.explanation_zh, source_zh: t.source_zh })),
    ),
    "schools.json": JSON.stringify(schoolList({ rows, schools } as Snapshot)),
    "indicators.arrow": indicatorArrow(rows),
    "progress.json": JSON.stringify(progress),
    "quality.json": JSON.stringify(connection ? await readQuality(connection) : emptyQuality()),
    "rejects.arrow": await rejectsArrow(connection),
    "vision_grades.arrow": await gradesArrow(connection),
    "documents.json": JSON.stringify(await documentEvidence(connection, targets)),
    "classes.json": JSON.stringify(
      classes.map((c) => ({
        ...c,
        grade_label: gradeLabels[c.grade] ?? c.grade,
      })),
    ),
  };
  for (const a of areas)
    files[`areas/${a.slug}.arrow`] = indicatorArrow(rows.filter((r) => areaOf.get(r.target_id) === a.slug));
  return files;
}

/** The school registry, with the Chinese name of each stage and how many of its targets have each status. */
function schoolList(snapshot: Snapshot) {
  const counts = schoolStatusCounts(snapshot);
  return snapshot.schools.map((s) => ({
    ...s,
    stage_label: stageLabels[s.stage]?.[0] ?? s.stage,
    ...counts.get(s.school_id),
  }));
}

/** Every rejected row with its file, line and reason, and its raw record as it may be published (personal.ts). */
async function rejectsArrow(connection: DuckDBConnection | null): Promise<Uint8Array> {
  // Rejected rows of student-level datasets are not published, not even redacted: the file and line find them.
  const personal = personalDatasets();
  const withheld = "（学生个人记录不在网站上公开，请按导入编号和行号在原文件中查看）";
  const rejects = connection
    ? await queryRows<{ load_id: number; source_file: string; dataset: string | null; record: string; reason: string }>(
        connection,
        `select load_id, source_file, source_line, dataset, reason_code, reason, record
         from rejects order by source_file, source_line`,
      )
    : [];
  const rows = rejects.map(({ load_id, ...r }) => ({
    ...r,
    ...publicReject({ load_id, ...r }, personal),
    dataset: r.dataset,
    record: publicRecord(r.record, personal.has(r.dataset ?? ""), withheld),
  }));
  return rowsToArrow(rows, {
    source_file: "string",
    source_line: "int",
    dataset: "string",
    reason_code: "string",
    reason: "string",
    record: "string",
  });
}

/**
 * The evidence of each document the plan says to issue (targets of unit documents): 文号, 印发日期 and
 * 统计日期 of the latest ledger row of each year, as the ledger records them (no status is made here).
 */
async function documentEvidence(connection: DuckDBConnection | null, targets: { target_id: string; unit: string }[]) {
  const documents = new Set(targets.filter((t) => t.unit === "documents").map((t) => t.target_id));
  const [columns] = connection
    ? await queryRows<{ n: number }>(
        connection,
        `select count(*)::INTEGER as n from duckdb_columns()
         where table_name = 'milestones' and column_name in ('doc_number', 'issued_on')`,
      )
    : [];
  if (!connection || columns?.n !== 2) return []; // a warehouse from before these columns: nothing recorded
  const rows = await queryRows<{
    target_id: string;
    year: number;
    as_of: string;
    doc_number: string | null;
    issued_on: string | null;
  }>(
    connection,
    `select target_id, year::INTEGER as year, strftime(as_of, '%Y-%m-%d') as as_of, doc_number,
            strftime(issued_on, '%Y-%m-%d') as issued_on
     from milestones
     qualify row_number() over (partition by target_id, year order by as_of desc) = 1
     order by target_id, year`,
  );
  return rows.filter((r) => documents.has(r.target_id));
}

/** Myopia by grade from vision_grade_rates, where small counts are already hidden. */
async function gradesArrow(connection: DuckDBConnection | null): Promise<Uint8Array> {
  const order = Object.keys(gradeLabels);
  const [table] = connection
    ? await queryRows(connection, "select 1 from duckdb_tables() where table_name = 'vision_grade_rates'")
    : [];
  const rows = table
    ? await queryRows(
        connection!,
        `select year::integer as year, school_id, grade, screened, judged, myopic, myopia_rate,
                suppressed::integer as suppressed, note
         from vision_grade_rates order by year, school_id nulls first, grade`,
      )
    : [];
  return rowsToArrow(
    rows.map((r) => ({
      ...r,
      grade_label: gradeLabels[String(r.grade)] ?? r.grade,
      grade_order: order.indexOf(String(r.grade)),
    })),
    {
      year: "int",
      school_id: "string",
      grade: "string",
      grade_label: "string",
      grade_order: "int",
      screened: "int",
      judged: "int",
      myopic: "int",
      myopia_rate: "float",
      suppressed: "int",
      note: "string",
    },
  );
}
