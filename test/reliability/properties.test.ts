// Property-based: whatever a cell or a file holds, the cell parsers and the row validator never throw,
// and every file read by readDataFile reconciles (rows read = loaded + rejected, one line each).
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isNoValue,
  normaliseText,
  parseBool,
  parseCell,
  parseDate,
  parseNumber,
  shownValue,
} from "../../pipelines/ingest/cells.ts";
import { findHeader } from "../../pipelines/ingest/header.ts";
import { readDataFile } from "../../pipelines/ingest/read.ts";
import { RowValidator, type References } from "../../pipelines/ingest/validate.ts";
import { readDictionary, type Dataset } from "../../pipelines/lib/seeds.ts";
import { readTargetRows } from "../../pipelines/lib/targets.ts";

const datasets = readDictionary();
const types = [...new Set([...datasets.values()].flatMap((d) => d.columns.map((c) => c.type)))];
const references: References = {
  schools: new Map([
    ["S01", { name: "第一小学", sections: ["primary"] }],
    ["S02", { name: "第二中学", sections: ["junior", "senior"] }],
  ]),
  targets: new Map(readTargetRows().map((t) => [t.target_id, t.unit])),
};
const codes = [
  "totals_row",
  "missing_required",
  "bad_type",
  "out_of_range",
  "unknown_school",
  "unknown_target",
  "wrong_section",
  "inconsistent",
  "duplicate_key",
];
const runs = { numRuns: 300 };

/** Cells as schools write them, cells as files break them, and anything at all. */
const cell = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: "binary-ascii", maxLength: 12 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }),
  fc.integer({ min: -5, max: 3000 }).map(String),
  fc.double().map(String),
  fc.constantFrom(
    ...["１００", "1,234", "1,23", "12.0", "1e2", "1e308", "NaN", "Infinity", "-Infinity", "-0", "0x10", " 42 "],
    ...["", " ", "\u3000", "无", "—", "-", "/", "N/A", "是", "否", "√", "合计", "小计：", "填表人：张三"],
    ...["一年级", "初一", "高二", "小班", "K1", "13", "小学", "九年一贯制学校", "公办", "男", "女"],
    ...["S01", "S02", "S99", "2021", "2021-06-30", "2021年6月31日", "2021/2/29", "vision.myopia_rate"],
    ...["=1+1", "<img src=x onerror=alert(1)>", "'); drop table schools;--", "\u0000", "a\u0000b", "\ufeff"],
    ...["constructor", "__proto__", "toString", "a;b;c;d;e;f;g;h", "\t\t\t\t\t\t", '"', "\r", "\n"],
  ),
);

describe("cell parsers", () => {
  it("never throw, and a value they return has the type's shape", () => {
    fc.assert(
      fc.property(fc.constantFrom(...types, "code", "text"), cell, (type, text) => {
        const result = parseCell(type, text);
        if (!result.ok) {
          expect(result.expected.length).toBeGreaterThan(0);
          return;
        }
        const v = result.value;
        if (type === "int") expect(Number.isInteger(v) && Math.abs(v as number) <= 2_000_000_000).toBe(true);
        if (type === "number") expect(Number.isFinite(v)).toBe(true);
        if (type === "bool") expect(typeof v).toBe("boolean");
        if (type === "date") expect(String(v)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (type === "code") expect(String(v)).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]*$/);
        if (type === "text") expect(String(v)).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
      }),
      runs,
    );
  });

  it("the helpers never throw; a shown value is one bounded line", () => {
    fc.assert(
      fc.property(cell, fc.string({ unit: "binary", maxLength: 400 }), (text, long) => {
        normaliseText(text);
        isNoValue(text);
        parseBool(text);
        const n = parseNumber(text);
        if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
        const d = parseDate(text);
        if (d !== undefined) expect(Number.isNaN(Date.parse(`${d}T00:00:00Z`))).toBe(false);
        const shown = shownValue(text + long);
        expect(shown).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect([...shown].length).toBeLessThanOrEqual(60 + 20);
      }),
      runs,
    );
  });

  it("read every integer back, with or without thousands separators, in half- or full-width digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), (n) => {
        const fullWidth = String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
        for (const text of [String(n), n.toLocaleString("en-US"), fullWidth]) {
          expect(parseCell("int", text)).toEqual({ ok: true, value: n });
        }
      }),
      runs,
    );
  });
});

/** A header record naming every column of the dataset in Chinese, the optional ones only when `keep` says so. */
function headerOf(ds: Dataset, keep: boolean[]): string[] {
  const kept = ds.columns.filter((c, i) => c.required || keep[i % keep.length]);
  return (kept.length >= 2 ? kept : ds.columns).map((c) => c.zhHeader);
}

describe("RowValidator", () => {
  it.each([...datasets.keys()])("never throws on a %s record of any shape, and says why it rejects", (name) => {
    const ds = datasets.get(name)!;
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(cell, { maxLength: ds.columns.length + 3 }), { minLength: 1, maxLength: 8 }),
        (keep, records) => {
          const cells = headerOf(ds, keep);
          const header = findHeader([{ line: 1, cells }], ds)!;
          expect(header.missingRequired).toEqual([]);
          const validator = new RowValidator(ds, header, references);
          records.forEach((rec, i) => {
            const result = validator.validate({ line: i + 2, cells: rec });
            if ("code" in result) {
              expect(codes).toContain(result.code);
              expect(result.reason.length).toBeGreaterThan(0);
              expect(Object.keys(JSON.parse(result.record))).toHaveLength(rec.length);
            } else {
              for (const c of ds.columns.filter((c) => c.required)) expect(result.values[c.column]).not.toBeNull();
            }
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

type Encoding = "utf-8" | "utf-8 with BOM" | "utf-16le with BOM";
/** The bytes an editor writes; a lone surrogate (no character at all) becomes U+FFFD, as editors do. */
function encode(text: string, encoding: Encoding): Uint8Array {
  const wellFormed = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
  if (encoding === "utf-16le with BOM") return Buffer.from(`\ufeff${wellFormed}`, "utf16le");
  return Buffer.from(encoding === "utf-8" ? text : `\ufeff${text}`, "utf8");
}

describe("readDataFile", () => {
  const names = [...datasets.keys()].filter((n) => n !== "vision_records");
  it("reconciles any file it can read: rows read = loaded + rejected, each on its own line", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.boolean(),
        fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 25 }),
        fc.constantFrom<Encoding>("utf-8", "utf-8 with BOM", "utf-16le with BOM"),
        (name, titled, rows, encoding) => {
          const ds = datasets.get(name)!;
          const header = ds.columns.map((c) => c.zhHeader);
          const records = [...(titled ? [["沙坪坝区2021年统计表"], []] : []), header, ...rows];
          const text = stringify(records, { record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
          const read = readDataFile(encode(text, encoding), ds, references, "salt");
          const written = rows.filter((r) => !r.every((c) => c.trim() === "")).length;
          if (!read.ok) {
            // Only a file with no data row may fail as a whole here (nothing else is broken in it).
            expect(written, read.message).toBe(0);
            return;
          }
          expect(read.rowsRead).toBe(written);
          expect(read.rows.length + read.rejects.length).toBe(read.rowsRead);
          const lines = [...read.rows.map((r) => r.line), ...read.rejects.map((r) => r.line)];
          expect(new Set(lines).size).toBe(lines.length);
        },
      ),
      runs,
    );
  });

  it("keeps the comma as delimiter when pasted cells are full of tabs or semicolons, quoted or not", () => {
    const ds = datasets.get("schools")!;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("\t", ";"), fc.integer({ min: 0, max: 40 }), fc.boolean()), {
          minLength: 1,
          maxLength: 12,
        }),
        (pasted) => {
          const rows = pasted.map(([d, n, quoted], i) => {
            const name = Array.from({ length: n + 1 }, (_, k) => `第${k}段`).join(d);
            return `S${i},${quoted ? `"${name}"` : name},小学,公办`;
          });
          const text = ["学校代码,学校名称,办学类型,办学性质", ...rows].join("\r\n");
          const read = readDataFile(Buffer.from(text), ds, references, "salt");
          expect(read.ok && read.rows.map((r) => r.values.school_id)).toEqual(pasted.map((_, i) => `S${i}`));
        },
      ),
      runs,
    );
  });

  it("never throws on arbitrary bytes, and reconciles whatever it reads", () => {
    const ds = datasets.get("vision")!;
    const header = Buffer.from(`${ds.columns.map((c) => c.zhHeader).join(",")}\r\n`);
    fc.assert(
      fc.property(fc.boolean(), fc.uint8Array({ maxLength: 2000 }), (withHeader, bytes) => {
        const read = readDataFile(withHeader ? Buffer.concat([header, bytes]) : bytes, ds, references, "salt");
        if (read.ok) expect(read.rows.length + read.rejects.length).toBe(read.rowsRead);
        else expect(read.message.length).toBeGreaterThan(0);
      }),
      runs,
    );
  });
});
