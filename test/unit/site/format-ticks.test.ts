import { describe, expect, it } from "vitest";
import { countTicks, formatTick, formatValue } from "../../../src/shared/format.js";

describe("a chart's ticks", () => {
  it("name whole numbers only on a count's axis: a document is 0 or 1 件", () => {
    expect(countTicks([0, 1], "documents")).toEqual([0, 1]);
    expect(countTicks([0, 1, 0], "documents", { zero: true })!.map((v) => formatTick(v, "documents"))).toEqual([
      "0",
      "1",
    ]);
    expect(formatTick(120, "doctors")).toBe("120");
    expect(formatTick(0.5, "ratio")).toBe("50%");
    expect(formatValue(1, "documents")).toBe("1 件");
    expect(formatValue(130, "doctors")).toBe("130 名");
  });
});
