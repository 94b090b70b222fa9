// seeds/sample/README.md: what the sample is, its files, and every deliberate defect with its line.
import { stageLabels } from "../lib/codes.ts";
import type { Generated } from "./generated.ts";
import { sendsSummary } from "./vision.ts";

const encodingLabel: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8（带BOM）",
  gb18030: "GB18030",
  "utf-16le": "UTF-16LE（带BOM，制表符分隔）",
  xlsx: "Excel 工作簿 .xlsx",
  xls: "Excel 97–2003 工作簿 .xls",
};

export function readme(g: Generated, command = "npm run sample"): string {
  const { district } = g;
  const stages = new Map<string, number>();
  for (const s of district.schools) stages.set(s.stage, (stages.get(s.stage) ?? 0) + 1);
  const stageList = [...stages].map(([s, n]) => `${stageLabels[s][0]} ${n} 所`).join("，");
  const files = g.files.map((f) => {
    return `| ${f.file} | ${f.dataRows} | ${f.bytes.length} | ${encodingLabel[f.encoding]} |`;
  });
  const totals = g.defects.filter((d) => d.code === "totals_row");
  const defects = g.defects.filter((d) => d.code !== "totals_row");
  return `# 示例数据（合成，非真实数据）

本目录下的全部文件都是程序生成的**示例数据**，用于演示和测试，**不是沙坪坝区的真实统计数字**。
学校名称（均以“示例”开头）、学校代码、学区集团、学生姓名（如“学生甲0001”）和学籍号都是虚构的。

- 生成命令：\`${command} -- --seed ${district.seed} --schools ${district.schools.length}\`（同一种子生成的文件逐字节相同）
- 年度：${district.years.join("、")}
- 学校：${district.schools.length} 所（${stageList}）
- 学生个案视力记录（vision_records）：${district.recordSchools.length} 所学校，仅 ${district.years[district.years.length - 1]} 年
- 报送个案记录的学校：${district.recordSchools.map((s, i) => `${s.name}(${s.id})${sendsSummary(i) ? "，同时报了汇总行（以个案为准）" : "，未报汇总行"}`).join("；")}
- \`defects.json\` 是下面“故意设置的问题行”的机器可读版本（file、line、code、note）。

## 文件

| 文件 | 数据行（含问题行，不含合计行、页脚） | 字节 | 编码 |
| --- | --- | --- | --- |
${files.join("\n")}

## 数据特征（设计如此，便于检验指标）

- 近视率随年级上升（小学约三成、初中约七成、高中约八成），多数学校逐年下降约0.9个百分点，约15%的学校上升；少数学校筛查人数略少于在籍人数。
- 体育：多数学校体育课时和校内活动达标，约8%的学校部分年级不足；体质健康优良率逐年上升，全区约47%→50%→52%。
- 军训：多数高中7天83学时，约12%的学校天数不足。
- 办学条件：各项生均指标围绕督导评估标准值，多数学校达标，少数低于标准，个别低于标准的85%；首个小学在前两年在校生超过2000人（超规模），末年降到2000人以下。
- 大班额（56人及以上）逐年减少；义务教育教师平均工资与公务员平均工资之比逐年上升，末年略高于1（完全中学和十二年一贯制学校另填义务教育学段的教师人数和平均工资，略低于全校平均）；学前三年毛入园率约89%–91%。
- 里程碑：每年多个统计日期（以当年最后一个为准），末年最后两项计数或比例指标和两项重点项目（新开工、前期研究）未完成。工作要点要求出台的文件只登记末年，
  多数已印发并填了文号（虚构的“示例〔年度〕N号”）和印发日期，每四项中有一项截至三季度尚未印发（未达标）。
- 学校重点工作落实（school_tasks，只有末年）：各校按学段填“是/否”，约5%为“否”。特殊教育一人一案（special_needs，末两年）：
  只报人数，约三成中小学没有特殊教育需要学生（填0），约8%的学校有1名学生尚无“一人一案”。
- 学生个案中约1%的学生等效球镜为空：裸眼视力低于5.0的，无法按近视标准判断，不计入近视率（数据质量页列出人数）；报个案的学校上年报的是汇总表，其近视率较上年变化不计算（来源改变）。

## 迟报、未报齐与“全校”行（设计如此，网站上应显示“数据不全”和缺报清单）

${district.years[district.years.length - 1]}年：
${g.late.map((l) => `- ${l.school.name}(${l.school.id})：${l.what}`).join("\n")}

## 模拟真实报表的格式问题（读入时应全部正常处理）

- 编码：schools、military_training、vision 首年、facilities 次年、special_rooms 次年、teacher_pay 次年、class_sizes 末年为 GB18030；vision 末年为 UTF-16LE 带BOM、制表符分隔（Excel“Unicode 文本”）；pe（首、末年）、facilities 末年、district_reference、milestones 为 UTF-8 带BOM；其余 UTF-8。
- Excel 工作簿：health 末年为 .xlsx（工作表“卫生与心理健康”，表头上方是合并单元格的标题行，心理体检应检人数部分为以文本保存的带千分位数字，另有一个不是数据集的“说明”工作表，导入时列出并跳过）；teacher_pay 末年为 .xls（Excel 97–2003，工作表“教师工资”，同样有合并的标题行，带千分位的工资以文本保存）。工作簿中的行号是 Excel 显示的行号，文件写作“文件#工作表”（如 health/${district.years[district.years.length - 1]}.xlsx#卫生与心理健康）。
- 行尾：多数 GB18030 文件及 pe、health（次年）、special_rooms、class_sizes、milestones 为 CRLF。
- 表头上方的标题行及空行（如“沙坪坝区${district.years[0]}年学生视力筛查汇总表（示例数据）”），部分标题行后面补了空单元格。
- 表头：pe 首、末年的“ 年级 ”带空格、“校内体育活动（分钟/天）”为全角括号；pe 次年和 district_reference 用英文列名（school_id 等）；facilities 末年多出未知列“备注”。
- 单元格：vision 末年有全角数字；facilities 次年的教学仪器设备值、teacher_pay 末年的工资、district_reference 的工资、health 的心理体检应检人数带千分位（如 "1,234"，加引号）；facilities 末年的在校生数有首尾空格；可选列的空值写作“—”“/”“无”“-”或留空。
- 年级：vision 首年写作“小班/一年级/初一/高二”，其他文件写代码 K1–K3、1–12；办学类型用中文（如“九年一贯制学校”，偶有简称“初中”“高中”“中职”“九年一贯制”）；是否普惠、是否戴镜为“是/否”；性别为“男/女”；日期有 2021-09-15、2021/9/15、2021年9月30日 三种写法。
- milestones 的备注中有带逗号和换行的加引号单元格。
- 合计行与页脚：${totals.map((d) => `${d.file} 第 ${d.line} 行为“合计”行（应作为 totals_row 拒收，不计入数据）`).join("；")}；schools、vision 首年、military_training 最后一行为“填表人：…”页脚。

## 故意设置的问题行（共 ${defects.length} 处）

每行应被拒收（进入 rejects），原因代码如下；行号为文件中的物理行号（含标题行和空行；Excel 工作簿为 Excel 显示的行号）。

| 文件 | 行 | 原因代码 | 说明 |
| --- | --- | --- | --- |
${defects.map((d) => `| ${d.file} | ${d.line} | ${d.code} | ${d.note.replace(/\|/g, "/")} |`).join("\n")}
`;
}
