// The classes behind the class-size targets, by name: every class of the latest year with 56 pupils and more
// (大班额) or over its grade's standard size, with school, grade, class and size (warehouse table oversize_classes).
import { h } from "./dom.js";
import { sortableTable } from "./table.js";
import { classWords } from "../shared/vocabulary.js";

export function oversizeClassList(classes, schools) {
  const names = new Map(schools.map((s) => [s.school_id, s.name]));
  if (!classes.length) return h("p", { class: "muted" }, `${classWords.title}：无。`);
  const rows = classes.map((c) => ({
    ...c,
    name: names.get(c.school_id) ?? c.school_id,
    kind: c.large ? classWords.large : classWords.over,
  }));
  const large = rows.filter((r) => r.large).length;
  return h(
    "section",
    { class: "oversize-classes" },
    h("h2", { id: "oversize-classes" }, `${classWords.title}（${classes[0].year}年）`),
    h("p", { class: "muted" }, `${classWords.listIntro}共 ${rows.length} 个，其中大班额 ${large} 个。`),
    sortableTable(
      rows,
      [
        { key: "name", label: "学校", href: (r) => `./schools/${encodeURIComponent(r.school_id)}#oversize-classes` },
        { key: "grade_label", label: "年级" },
        { key: "class_name", label: "班级" },
        { key: "students", label: "人数", numeric: true },
        { key: "standard_size", label: "标准班额", numeric: true, optional: true },
        { key: "kind", label: "情况" },
      ],
      { sort: "students", descending: true },
    ),
  );
}
