import { describe, expect, it } from "vitest";
import { decode } from "../../../pipelines/ingest/decode.ts";
import { datasetOf } from "../../../pipelines/ingest/files.ts";
import { readDataFile } from "../../../pipelines/ingest/read.ts";
import { readDictionary } from "../../../pipelines/lib/registry.ts";

const datasets = readDictionary();
const names = [...datasets.keys()];

describe("a workbook dropped where a CSV belongs", () => {
  // The first bytes of any .xlsx: a ZIP local file header followed by binary fields with many zeros.
  const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0, 0, 0, 0, 0x21, 0x00]);
  const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]);

  it("is not taken for UTF-16 text", () => {
    expect(decode(xlsx)).toBeUndefined();
  });

  it("fails with a sentence telling the analyst to save it as CSV", () => {
    for (const [bytes, ext] of [
      [xlsx, ".xlsx"],
      [xls, ".xls"],
    ] as const) {
      const result = readDataFile(bytes, datasets.get("pe")!, { schools: null } as never, "salt");
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.message).toBe(`这是 Excel 工作簿（${ext}）而不是 CSV：请在 Excel 中“另存为”CSV（UTF-8）后再导入`);
    }
  });
});

describe("the dataset of a file", () => {
  it("is told by its folder in any case", () => {
    expect(datasetOf("PE/2021.csv", names)).toBe("pe");
    expect(datasetOf("2021/Vision_Records/a.csv", names)).toBe("vision_records");
  });

  it("is told by the longest name its file name starts with", () => {
    expect(datasetOf("vision_records_2021.csv", names)).toBe("vision_records");
    expect(datasetOf("Vision-2021.csv", names)).toBe("vision");
    expect(datasetOf("visionary.csv", names)).toBeUndefined();
  });
});
