// What a school is told about a column while filling a template, in Chinese, made from the dictionary's
// rule fields (type, required, range, check, ref, personal data) so that hint and validator never disagree.
import type { Column, Dataset } from "../../lib/seeds.ts";
import { enumLabels } from "../cells.ts";
import { describeRange, parseCheck, parseRange } from "../rules.ts";

export const typeWords: Record<string, string> = {
  text: "文本",
  code: "代码：字母、数字、- 或 _",
  int: "整数",
  number: "数字",
  share: "比例：小数如 0.95，或百分数如 95%",
  bool: "是/否",
  date: "日期，如 2021-06-30",
  grade: "年级，如 一年级、初一、高二、小班",
  stage: "办学类型，如 小学、九年一贯制学校",
  section: "学段：幼儿园、小学、初中、高中、中职、特殊教育；一贯制学校和完全中学可填“全校”报一行",
};

const refWords: Record<string, string> = {
  school: "须为学校名录中的学校代码",
  "school:senior": "须为学校名录中有高中学段的学校",
  school_section: "须为本校开设的学段",
  target: "须为指标库中的指标编号",
  target_value: "指标为比例（如覆盖率）时填小数（0.95）或百分数（95%）",
};

const opSigns: Record<string, string> = { "<=": "≤", "<": "<", ">=": "≥", ">": ">", "=": "=" };

export function typeWord(c: Column): string {
  return c.type.startsWith("enum:") ? `可填：${enumLabels(c.type)}` : (typeWords[c.type] ?? c.type);
}

/** `必填；整数；取值 ≥ 0；须满足 近视人数 ≤ 筛查人数`. */
export function columnHint(c: Column, ds: Dataset): string {
  const zh = (name: string) => ds.columns.find((x) => x.column === name)?.zhHeader ?? name;
  const parts = [c.required ? "必填" : "选填", typeWord(c)];
  const range = parseRange(c.range);
  if (range) parts.push(`取值 ${describeRange(range)}`);
  const check = parseCheck(c.check);
  if (check) parts.push(`须满足 ${check.left.map(zh).join("+")} ${opSigns[check.op]} ${check.right.map(zh).join("+")}`);
  if (refWords[c.ref]) parts.push(refWords[c.ref]);
  if (c.ref.startsWith("section_students:")) parts.push("学段为“全校”时必填，各学段之和等于在校生数");
  if (c.personal)
    parts.push(
      c.personal === "hash" ? "个人信息：只以加密后的哈希入库，不出现在网站和报告中" : "个人信息：读入时即删除，可不填",
    );
  return parts.join("；");
}

/** `同一年度、学校代码、年级只填一行`. */
export function keyHint(ds: Dataset): string {
  const names = ds.key.map((k) => ds.columns.find((c) => c.column === k)!.zhHeader);
  return `同一${names.join("、")}只填一行（重复的行只收第一行）`;
}
