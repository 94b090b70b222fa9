// schools: the registry every other file refers to (GB18030, stages and booleans in Chinese).
import { stageLabels } from "../lib/codes.ts";
import type { District } from "./context.ts";
import { duplicate, footer, insert } from "./messiness.ts";
import { makeRng } from "./prng.ts";
import type { Row, Table } from "./table.ts";

export function schoolsTable(d: District): Table {
  const rng = makeRng(d.seed, "registry");
  const rows: Row[] = d.schools.map((s, i) => ({
    cells: {
      school_id: s.id,
      name: s.name,
      // mostly the full name of the stage, now and then its short form (初中, 高中, 中职, 九年一贯制)
      stage: stageLabels[s.stage][i % 9 === 4 ? stageLabels[s.stage].length - 1 : 0],
      ownership: s.ownership === "public" ? "公办" : "民办",
      street: s.street,
      cluster: s.cluster || (i % 5 === 0 ? "/" : ""),
      // a public kindergarten now and then says 否: it counts as inclusive whatever it says
      inclusive: s.stage === "kindergarten" ? (s.inclusive && i % 17 !== 3 ? "是" : "否") : "",
    },
  }));
  insert(
    rows,
    rng,
    {
      school_id: "5001069990",
      name: "示例职业技术学院",
      stage: "大学",
      ownership: "公办",
      street: "虎溪街道",
      cluster: "",
      inclusive: "",
    },
    { code: "bad_type", note: "办学类型“大学”不是可接受的值" },
  );
  duplicate(rows, rng, { name: "（重复行）示例学校" }, "学校代码重复（第二行应拒收）");
  const year = d.years[d.years.length - 1];
  return {
    dataset: "schools",
    file: "schools/schools.csv",
    columns: ["school_id", "name", "stage", "ownership", "street", "cluster", "inclusive"],
    rows,
    layout: {
      encoding: "gb18030",
      eol: "\r\n",
      title: `沙坪坝区${year}年学校名录（示例数据）`,
      padTitle: true,
      footer: footer(year),
    },
  };
}
