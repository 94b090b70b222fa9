// The 下载报告 page: the files of the last `npm run export`, read at view time from exports/manifest.json
// (copied into the site by `npm run build` / `npm start` when it matches the warehouse).
import { h } from "./dom.js";
import { formatNumber } from "../shared/format.js";
import { sortableTable } from "./table.js";

const size = (bytes) =>
  bytes >= 1024 * 1024 ? `${formatNumber(bytes / 1024 / 1024, 1)} MB` : `${formatNumber(bytes / 1024, 0)} KB`;

/** The manifest, or null when the site carries no exports. */
export async function fetchManifest(url = "./exports/manifest.json") {
  try {
    const response = await fetch(url, { cache: "no-cache" });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

export function downloadList(manifest, schools, { fingerprint } = {}) {
  if (!manifest || manifest.files.length === 0) {
    return h(
      "p",
      { class: "missing" },
      "本网站尚未附带报告文件。请在服务器上运行 npm run export 生成报告，再运行 npm run build（或 npm start）。",
    );
  }
  const stale =
    fingerprint && manifest.fingerprint !== fingerprint
      ? h("p", { class: "missing" }, "注意：这些报告文件不是由本网站当前的数据生成的，请重新运行 npm run export。")
      : null;
  const byId = new Map(schools.map((s) => [s.school_id, s]));
  const main = manifest.files.filter((f) => !f.path.startsWith("schools/"));
  const schoolFiles = manifest.files
    .filter((f) => f.path.startsWith("schools/"))
    .map((f) => {
      const id = f.path.slice("schools/".length).replace(/\.pdf$/, "");
      return { ...byId.get(id), school_id: id, path: f.path, bytes: f.bytes };
    });
  return h(
    "div",
    {},
    stale,
    h(
      "p",
      { class: "muted" },
      `报告生成于 ${manifest.generatedAt}，数据截至 ${manifest.loadedAt ?? "未知"}${manifest.isSample ? "（示例数据）" : ""}。`,
    ),
    h(
      "ul",
      { class: "download-files" },
      main.map((f) =>
        h("li", {}, h("a", { href: `./exports/${f.path}`, download: "" }, f.label), ` · ${f.path} · ${size(f.bytes)}`),
      ),
    ),
    h("h2", {}, `一校一档（${schoolFiles.length} 所学校）`),
    schoolFiles.length
      ? sortableTable(
          schoolFiles,
          [
            { key: "school_id", label: "学校代码" },
            { key: "name", label: "学校名称", href: (s) => `./exports/${s.path}`, format: (v, s) => v ?? s.school_id },
            { key: "stage_label", label: "办学类型" },
            { key: "street", label: "镇街" },
            { key: "bytes", label: "文件大小", numeric: true, format: (v) => size(v) },
          ],
          { filename: "一校一档报告清单" },
        )
      : h("p", { class: "muted" }, "本次未生成学校报告。"),
  );
}
