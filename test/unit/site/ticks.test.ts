// Axis ticks: labels never repeat, counts tick on whole numbers.
import { describe, expect, it } from "vitest";
import { countTicks, formatTick } from "../../../src/shared/format.js";

describe("formatTick", () => {
  it("takes as many decimals as make the labels of one axis differ", () => {
    // a myopia rate between 48.1% and 48.9%: whole percents would read 48%, 48%, 49%
    const ticks = [0.482, 0.484, 0.486, 0.488];
    expect(ticks.map((t) => formatTick(t, "ratio", { ticks }))).toEqual(["48.2%", "48.4%", "48.6%", "48.8%"]);
    const wide = [0, 0.25, 0.5];
    expect(wide.map((t) => formatTick(t, "ratio", { ticks: wide }))).toEqual(["0%", "25%", "50%"]);
  });

  it("keeps the unit out of the tick: 万 for ten thousand and more, the bare number otherwise", () => {
    const ticks = [0, 50000, 100000];
    expect(ticks.map((t) => formatTick(t, "yuan", { ticks }))).toEqual(["0", "5万", "10万"]);
    expect(formatTick(-0.005, "pp")).toBe("−0.5");
  });
});

describe("countTicks", () => {
  it("ticks a small count on whole numbers only", () => {
    // classes of 0 to 3: 0 1 2 3, never 0 0.5 1 1.5
    expect(countTicks([0, 1, 3], "classes")).toEqual([0, 1, 2, 3]);
  });

  it("steps 1, 2 or 5 times a power of ten, from zero when asked", () => {
    // 0 to 47 projects in about five steps: a step of 10
    expect(countTicks([12, 47], "projects", { zero: true })).toEqual([0, 10, 20, 30, 40]);
    expect(countTicks([3, 7], "schools")).toEqual([3, 4, 5, 6, 7]);
  });

  it("leaves an axis of another unit to Plot", () => {
    expect(countTicks([0.1, 0.2], "ratio")).toBeUndefined();
  });
});
