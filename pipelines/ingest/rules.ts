// Rules of a dictionary column in machine-readable form: ranges like `[0,)` and checks like `a + b <= c`.

export interface Range {
  min?: number;
  max?: number;
  minOpen: boolean;
  maxOpen: boolean;
}

export function parseRange(text: string): Range | undefined {
  const m = /^([[(])\s*([^,]*)\s*,\s*([^\])]*)\s*([\])])$/.exec(text.trim());
  if (!m) return undefined;
  return {
    min: m[2] === "" ? undefined : Number(m[2]),
    max: m[3] === "" ? undefined : Number(m[3]),
    minOpen: m[1] === "(",
    maxOpen: m[4] === ")",
  };
}

export function inRange(value: number, r: Range): boolean {
  if (r.min !== undefined && (r.minOpen ? value <= r.min : value < r.min)) return false;
  if (r.max !== undefined && (r.maxOpen ? value >= r.max : value > r.max)) return false;
  return true;
}

/** The range in words: `≥ 0`, `> 0`, `1–150`. */
export function describeRange(r: Range): string {
  if (r.min !== undefined && r.max !== undefined && !r.minOpen && !r.maxOpen) return `${r.min}–${r.max}`;
  const parts: string[] = [];
  if (r.min !== undefined) parts.push(`${r.minOpen ? ">" : "≥"} ${r.min}`);
  if (r.max !== undefined) parts.push(`${r.maxOpen ? "<" : "≤"} ${r.max}`);
  return parts.join(" 且 ");
}

export interface Check {
  left: string[];
  op: "<=" | "<" | ">=" | ">" | "=";
  right: string[];
}

export function parseCheck(text: string): Check | undefined {
  const m = /^(.+?)\s*(<=|>=|<|>|=)\s*(.+)$/.exec(text.trim());
  if (!m) return undefined;
  const terms = (side: string) => side.split("+").map((t) => t.trim());
  return { left: terms(m[1]), op: m[2] as Check["op"], right: terms(m[3]) };
}

/**
 * Whether the values satisfy the check; undefined when a side has no value at all. Within a side
 * that has some values, a blank term counts 0 (mild + moderate + severe ≤ screened with moderate blank).
 */
export function holds(
  check: Check,
  values: Record<string, unknown>,
): { ok: boolean; left: number; right: number } | undefined {
  const sum = (cols: string[]) => {
    const present = cols.map((c) => values[c]).filter((v): v is number => typeof v === "number");
    return present.length ? present.reduce((a, b) => a + b, 0) : undefined;
  };
  const left = sum(check.left);
  const right = sum(check.right);
  if (left === undefined || right === undefined) return undefined;
  const ok = { "<=": left <= right, "<": left < right, ">=": left >= right, ">": left > right, "=": left === right }[
    check.op
  ];
  return { ok, left, right };
}

/** How a broken check reads: `left (x) 大于 right (y)`. */
export const opWords: Record<Check["op"], string> = {
  "<=": "大于",
  "<": "不小于",
  ">=": "小于",
  ">": "不大于",
  "=": "不等于",
};
