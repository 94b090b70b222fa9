// Which school has not sent which dataset in the latest year: one query, shared by a loader and the school pages.
import type { DuckDBConnection } from "@duckdb/node-api";
import { sectionsOfStage } from "../lib/codes.ts";
import { queryRows } from "../lib/warehouse.ts";

/** Chinese names of the datasets, as the data-quality page shows them. */
export const datasetLabels: Record<string, string> = {
  schools: "学校名录",
  district_reference: "区级参考数据",
  vision: "视力筛查",
  vision_records: "学生视力个案",
  pe: "体育与体质健康",
  military_training: "高中军训",
  health: "卫生与心理健康",
  facilities: "办学条件",
  special_rooms: "音乐美术专用教室",
  class_sizes: "班额",
  teacher_pay: "教师工资",
  milestones: "重点任务台账",
};

/** Datasets a school sends, the sections that must send them and their Chinese names. */
export const schoolDatasets: { dataset: string; label: string; sections: string[] }[] = [
  { dataset: "vision", label: datasetLabels.vision, sections: ["kindergarten", "primary", "junior", "senior"] },
  { dataset: "pe", label: datasetLabels.pe, sections: ["primary", "junior", "senior"] },
  { dataset: "military_training", label: datasetLabels.military_training, sections: ["senior"] },
  { dataset: "health", label: datasetLabels.health, sections: ["kindergarten", "primary", "junior", "senior"] },
  { dataset: "facilities", label: datasetLabels.facilities, sections: ["kindergarten", "primary", "junior", "senior"] },
  { dataset: "special_rooms", label: datasetLabels.special_rooms, sections: ["primary", "junior"] },
  { dataset: "class_sizes", label: datasetLabels.class_sizes, sections: ["primary", "junior", "senior"] },
  { dataset: "teacher_pay", label: datasetLabels.teacher_pay, sections: ["primary", "junior"] },
];

export interface MissingReport {
  school_id: string;
  dataset: string;
  label: string;
  year: number;
}

const stagesWith = (sections: string[]) =>
  Object.keys(sectionsOfStage).filter((stage) => sectionsOfStage[stage].some((s) => sections.includes(s)));

/** The latest year any school dataset holds, or null when they are all empty. */
export async function latestYear(connection: DuckDBConnection): Promise<number | null> {
  const parts = schoolDatasets.map((d) => `select max(year) as year from "${d.dataset}"`);
  const [row] = await queryRows<{ year: number | null }>(
    connection,
    `select max(year)::integer as year from (${parts.join(" union all ")})`,
  );
  return row?.year ?? null;
}

export async function queryMissing(connection: DuckDBConnection): Promise<MissingReport[]> {
  const year = await latestYear(connection);
  if (year === null) return [];
  const parts = schoolDatasets.map((d) => {
    const stages = stagesWith(d.sections)
      .map((s) => `'${s}'`)
      .join(", ");
    const sent = (table: string) =>
      `exists (select 1 from "${table}" d where d.school_id = schools.school_id and d.year = $year)`;
    // A school that sent student records has sent its vision data.
    const hasSent = d.dataset === "vision" ? `(${sent("vision")} or ${sent("vision_records")})` : sent(d.dataset);
    return `select school_id, '${d.dataset}' as dataset from schools where stage in (${stages}) and not ${hasSent}`;
  });
  const rows = await queryRows<{ school_id: string; dataset: string }>(
    connection,
    `${parts.join(" union all ")} order by school_id, dataset`,
    { year },
  );
  const labels = new Map(schoolDatasets.map((d) => [d.dataset, d.label]));
  return rows.map((r) => ({ ...r, label: labels.get(r.dataset) ?? r.dataset, year }));
}
