// The school list a template's drop-down offers: the warehouse's registry, or none without a warehouse.
import fs from "node:fs";
import { openWarehouse, queryRows } from "../../lib/warehouse.ts";
import type { TemplateSchool } from "./xlsx.ts";

/** The registry's schools, or a Chinese note saying why the templates carry no list of them. */
export async function templateSchools(db: string): Promise<{ schools?: TemplateSchool[]; note?: string }> {
  const none = "，.xlsx 模板中的学校代码没有下拉列表（先运行 npm run ingest，或用 --db 指定数据仓库）。";
  if (!fs.existsSync(db)) return { note: `未找到数据仓库 ${db}${none}` };
  const warehouse = await openWarehouse(db, { readOnly: true });
  try {
    const schools = await queryRows<TemplateSchool>(
      warehouse.connection,
      "select school_id, name, stage from schools order by school_id",
    );
    return schools.length ? { schools } : { note: `数据仓库中没有学校名录${none}` };
  } catch {
    return { note: `数据仓库中没有学校名录${none}` };
  } finally {
    warehouse.close();
  }
}
