// facilities (per school × section × year, around the 2017 balance standards) and special_rooms.
import { sectionWords } from "../../src/shared/vocabulary.js";
import { has, schoolLabel, type District } from "./context.ts";
import { corrupt, duplicate, insert, padded, sprinkle, thousands } from "./messiness.ts";
import { clamp, makeRng } from "./prng.ts";
import { sectionClasses, sectionStudents } from "./roster.ts";
import { num, type Layout, type Row, type Table } from "./table.ts";

/** Per student: teaching m², sports m², equipment yuan; per 100 students: multimedia rooms, teachers ×3. */
const standard: Record<string, number[]> = {
  primary: [4.5, 7.5, 2000, 2.3, 4.2, 1, 0.9],
  junior: [5.8, 10.2, 2500, 2.4, 5.3, 1, 0.9],
  senior: [6.5, 11, 3000, 2.6, 6, 1.1, 0.9],
  vocational: [7, 9, 4000, 3, 5, 1, 0.6],
  kindergarten: [4, 4, 800, 1.5, 6, 0.5, 0.6],
  special: [25, 15, 9000, 8, 20, 3, 3],
};
const measures = [
  "teaching_aux_area_m2",
  "sports_area_m2",
  "equipment_value_yuan",
  "multimedia_classrooms",
  "teachers_above_degree",
  "backbone_teachers",
  "pe_art_teachers",
];
const notes = ["", "", "", "", "含租用场地", "新校区在建", "数据经复核", "操场改造中"];

export function facilitiesTables(d: District): Table[] {
  const rng = makeRng(d.seed, "facilities");
  return d.years.map((year, yi) => {
    const rows: Row[] = [];
    for (const school of d.schools)
      for (const section of school.sections) {
        const n = sectionStudents(d.roster, year, school, section);
        const v = standard[section].map(
          (s) => s * clamp(school.quality * rng.normal(1, 0.08) * (1 + 0.02 * yi), 0.6, 2),
        );
        const per100 = (x: number) => num((x * n) / 100);
        rows.push({
          cells: {
            year: String(year),
            school_id: school.id,
            section: sectionWords[section],
            students: num(n),
            classes: num(sectionClasses(d.roster, year, school, section)),
            teaching_aux_area_m2: num(v[0] * n, 1),
            sports_area_m2: num(v[1] * n, 1),
            equipment_value_yuan: num(v[2] * n),
            multimedia_classrooms: per100(v[3]),
            teachers_above_degree: per100(v[4]),
            backbone_teachers: per100(v[5]),
            pe_art_teachers: per100(v[6]),
          },
        });
      }
    const title = `沙坪坝区${year}年中小学幼儿园办学条件统计表（示例数据）`;
    const layouts: Layout[] = [
      { encoding: "utf-8", title },
      { encoding: "gb18030", eol: "\r\n" },
      { encoding: "utf-8-bom", extra: { header: "备注", value: (_r, i) => notes[i % notes.length] } },
    ];
    if (yi % 3 === 1) sprinkle(rows, "equipment_value_yuan", 1, thousands);
    if (yi % 3 === 2) sprinkle(rows, "students", 13, padded, 3);
    if (yi === d.years.length - 1) {
      corrupt(rows, rng, { students: "0" }, { code: "out_of_range", note: "在校生数为0（应大于0）" });
      corrupt(rows, rng, { classes: "" }, { code: "missing_required", note: "班级数为空" });
      const p = d.schools.find((s) => s.stage === "primary")!;
      const cells = { ...rows.find((r) => r.cells.school_id === p.id)!.cells, section: "高中" };
      insert(rows, rng, cells, { code: "wrong_section", note: `${schoolLabel(p)}没有高中学段` });
    }
    return {
      dataset: "facilities",
      file: `facilities/${year}.csv`,
      columns: ["year", "school_id", "section", "students", "classes", ...measures],
      rows,
      layout: layouts[yi % 3],
    };
  });
}

export function specialRoomsTables(d: District): Table[] {
  const rng = makeRng(d.seed, "special_rooms");
  return d.years.map((year, yi) => {
    const rows: Row[] = [];
    for (const school of d.schools) {
      if (!has(school, "primary") && !has(school, "junior")) continue;
      const classes = ["primary", "junior"].reduce(
        (c, s) => c + (has(school, s) ? sectionClasses(d.roster, year, school, s) : 0),
        0,
      );
      const need = Math.ceil(classes / 12);
      for (const [label, min] of [
        ["音乐", 96],
        ["美术", 90],
      ] as const) {
        const count = Math.max(1, need + (rng.chance(0.1) ? -1 : rng.chance(0.1) ? 1 : 0));
        for (let k = 1; k <= count; k++) {
          const area = rng.chance(0.1) ? rng.int(min - 30, min - 2) : rng.int(min, min + 40);
          rows.push({
            cells: {
              year: String(year),
              school_id: school.id,
              room_type: label,
              room_name: `${label}教室${k}`,
              area_m2: num(area + rng.int(0, 9) / 10, 1),
            },
          });
        }
      }
    }
    if (yi === d.years.length - 1) {
      duplicate(rows, rng, { area_m2: "88" }, "同一专用教室重复填报（第二行应拒收）");
      corrupt(rows, rng, { area_m2: "0" }, { code: "out_of_range", note: "使用面积为0（应大于0）" });
    }
    const layout: Layout = { encoding: yi % 3 === 1 ? "gb18030" : "utf-8", eol: "\r\n" };
    return {
      dataset: "special_rooms",
      file: `special_rooms/${year}.csv`,
      columns: ["year", "school_id", "room_type", "room_name", "area_m2"],
      rows,
      layout,
    };
  });
}
