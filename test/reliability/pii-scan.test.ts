// The personal-data scanner itself: it finds a value in each spelling a published file may use, so a
// clean scan of dist/ or the exports means something.
import fs from "node:fs";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { tempDir, writeFiles } from "../helpers/ingest.ts";
import { scanFolder, scanWarehouse } from "../helpers/pii.ts";
import { tempWarehouse } from "../helpers/ingest.ts";

const id = "ZX9Q0042";
const name = "测试姓名甲";
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("汇总").addRow(["学生", name]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("scanFolder", () => {
  it("finds a name and an id in every spelling, inside xlsx and gzip too, and nothing in clean files", async () => {
    const dir = tempDir("pii-");
    dirs.push(dir);
    writeFiles(dir, {
      "plain.html": `<td>${name}</td>`,
      "escaped.js": `const s = ${JSON.stringify(name).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)};`,
      "link.html": `<a href="/s?q=${encodeURIComponent(name)}">x</a>`,
      "entity.html": [...name].map((c) => `&#${c.codePointAt(0)};`).join(""),
      "utf16.txt": Buffer.from(name, "utf16le"),
      "gbk.csv": iconv.encode(`姓名\r\n${name}\r\n`, "gb18030"),
      "lower.json": `{"id":"${id.toLowerCase()}"}`,
      "report.xlsx": await workbook(),
      "data.json.gz": zlib.gzipSync(Buffer.from(`{"id":"${id}"}`)),
      "clean.html": "<p>第一小学 近视率 25%</p>",
    });
    const found = scanFolder(dir, [id, name]).map((f) => `${f.where} ${f.value} ${f.form}`);
    expect(found).toEqual(
      expect.arrayContaining([
        `plain.html ${name} utf-8`,
        `escaped.js ${name} json escape`,
        `link.html ${name} url encoding`,
        `entity.html ${name} html entity`,
        `utf16.txt ${name} utf-16le`,
        `gbk.csv ${name} gb18030`,
        `lower.json ${id} lower case`,
        `report.xlsx!xl/sharedStrings.xml ${name} utf-8`,
        `data.json.gz!gunzip ${id} utf-8`,
      ]),
    );
    expect(found.filter((f) => f.startsWith("clean.html"))).toEqual([]);
    expect(new Set(found.map((f) => f.split(/[ !]/)[0])).size).toBe(9);
  });
});

describe("scanWarehouse", () => {
  it("names every table or view whose rows hold the value, in any column", async () => {
    const w = await tempWarehouse();
    try {
      await w.connection.run("create table a (x integer, note varchar)");
      await w.connection.run(`insert into a values (1, '学生${name}（转学）'), (2, null)`);
      await w.connection.run("create table b (payload varchar)");
      await w.connection.run(`insert into b values ('{"id":"${id.toLowerCase()}"}')`);
      await w.connection.run("create view c as select note from a");
      await w.connection.run("create table clean (v varchar)");
      await w.connection.run("insert into clean values ('第一小学')");
      const found = (await scanWarehouse(w.connection, [id, name])).map((f) => `${f.where} ${f.value}`);
      expect(found.sort()).toEqual([`a ${name}`, `b ${id}`, `c ${name}`]);
    } finally {
      w.cleanup();
    }
  });
});
