// The methods page's body, from the registries alone: what each status means and how incomplete data
// is treated, a table of all the plan's clauses (targets, or why none), then per plan clause its text and the targets that serve it (the Chinese explanation with
// the English formula folded under 技术说明, threshold, scope, source), the pupil weights of combined
// schools and every parameter of a formula.
import { escapeHtml as esc, formatNumber, formatThreshold } from "../../src/shared/format.js";
import {
  parameterWords,
  progressWords,
  scopeText,
  sectionWords,
  statusMeanings,
  statusOrder,
} from "../../src/shared/vocabulary.js";
import { stageLabels } from "../lib/codes.ts";
import { clauseCoverage, readClauseReasons, readPlan, type Plan } from "../lib/plan.ts";
import { readParameters, readSectionWeights } from "../lib/seeds.ts";
import type { Target } from "../lib/targets.ts";
import { statusBadgeHtml } from "../../src/shared/targetCardHtml.js";

/** The sources in Chinese, each 工作要点第N条 a link to its clause on this page. */
function sourceMarkup(t: Target, clauses: Set<number>): string {
  return esc(t.source_zh || t.source).replace(/工作要点第(\d+)条/g, (words, n) =>
    clauses.has(Number(n)) ? `<a href="#clause-${n}">${words}</a>` : words,
  );
}

/** One target: its explanation for a reader, target, scope and sources, and the registry's formula folded for analysts. */
function targetMarkup(t: Target, clauses: Set<number>): string {
  return `<div class="method-target" id="method-${esc(t.target_id)}">
<h3>${esc(t.title_zh)} <small class="muted target-id">${esc(t.target_id)}</small></h3>
<p class="explanation">${esc(t.explanation_zh || "登记表中尚无中文说明，见技术说明。")}</p>
<dl class="method-facts"><dt>目标值</dt><dd>${esc(formatThreshold(t.comparator, t.threshold, t.display_unit))}</dd><dt>范围</dt><dd>${esc(scopeText(t))}</dd><dt>依据</dt><dd>${sourceMarkup(t, clauses)}</dd></dl>
<details class="formula"><summary>技术说明</summary><code>${esc(t.formula)}</code></details>
</div>`;
}

function statusesMarkup(): string {
  const rows = statusOrder
    .map((s) => `<tr><td>${statusBadgeHtml(s)}</td><td>${esc(statusMeanings[s])}</td></tr>`)
    .join("");
  return `<section class="method-rules"><h2 id="statuses">五种状态</h2>
<table class="methods-table statuses"><tbody>${rows}</tbody></table>
<h2 id="completeness">数据不全时怎样判断</h2>
<ul>
<li>每个数据集由哪些学段的学校每年报送，写在数据字典中；学生视力个案可代替视力筛查汇总表。数据质量页和学校页列出应报而未报、未报齐的报表。</li>
<li>视力筛查和体育与体质健康按年级报送：学校应报本年度有学生的每个年级——以该校同一年度班额表中有班级的年级为准；某学段没有报班额的，应报该学段的全部年级（小学一至六年级、初中七至九年级、高中高一至高三、幼儿园小中大班）。缺报或被拒收的年级使该校“数据不全”，数据质量页写明学校和年级。</li>
<li>学校的数值只用完整的单元（年级、班级、学段）计算：缺少公式所需人数的单元，分子分母都不计入，不当作 0；应报的单元没有报来或被剔除时，该校状态为“数据不全”，数值仍按已到的数据显示。选填项（如校外体育活动分钟）空着的年级，只从需要这个数字的指标中剔除，其他指标照常计算；数据质量页写明如“3 校 5 个年级未填 校外体育活动(分钟/天)”。某校某年有数据行因内容有误（必填项为空、格式错误、超出范围、前后矛盾）被拒收，该校该项报表也算未报齐，直到该文件改正后重新导入。</li>
<li>全区行写明应报学校数和已报齐学校数（“已报 37/40 校”），点开即是未报齐学校的名单及各校缺什么。都报齐时照常判断。有学校未报齐时，先估计缺报学校可能带来的范围（上下界）：按人数合计的比率（如筛查覆盖率、体质健康优良率），假定缺报学校的学生全部“是”或全部“否”，学生数取该校上一次报送的人数；逐校指标的全区达标学校占比，假定缺报学校全部达标或全部不达标；只会随报送增加的计数（大班额、超规模学校）只有下界。上下界落在目标值同一侧时，缺报学校报来什么都改变不了结论，照常判为“达标”或“未达标”，并注明如“缺报 3 校，不影响结论”；否则为“数据不全”，注明如“缺报 3 校，结论待定”和范围。从未报送过、不知道学生数的学校给不出范围，差异系数、生均比值等指标也不估计范围，这些情况一律为“数据不全”。监测指标不设目标值，始终显示为“监测”并写明已报学校数，不算作数据不全。</li>
<li>逐年变化（如近视率较上年变化）只比较两年都报齐、且两年数据来源相同（都是汇总表或都是学生个案）的学校（同口径），旁边写明同口径学校数；来源改变的学校列在数据质量页。</li>
<li>小样本：按学生人数计算的比率（近视率、筛查覆盖率、体质健康合格率和优良率、健康检查率等），分母少于小样本门槛（默认 10 人）时，年级、学校和全区各级都不公布其数值、分子和分母（网站、数据文件、Excel、CSV、PDF 一律不显示），只保留达标状态；同一指标同一年度只有一所学校被隐藏时，再隐藏人数最少的另一所学校，以免用全区合计减去其他学校推算出来。</li>
<li>更正以最新一次报送为准：学校在以后的某次导入中重新报送某个数据集某一年度的数据（同名文件换了内容，或如“班额更正.xlsx”的新文件），就整体取代该校该年度此前的报送，新报送中不再有的行（如填错后删去的一个班）随之撤下，不再计入；被取代和撤下的行都保留在历史记录中，注明是哪个文件取代的。数据质量页和学校页逐条列出每次更正（学校、数据集、年度、原文件 → 新文件、新增、撤下和改动的行数），说明数字为什么变了。内容完全相同的文件记为“未变化”，不影响任何数据。</li>
<li>学生个案中裸眼视力低于 5.0 但等效球镜为空的学生，无法按近视标准判断，不计入近视率的分子和分母，人数列在数据质量页。</li>
<li>比例列填小数（0.95），写成 95% 也按 0.95 读入；写成 95 会被拒收并提示改写。年平均工资低于 1 万元会被拒收并提示可能填成了月工资。</li>
</ul></section>`;
}

function weightsMarkup(): string {
  const byStage = new Map<string, string[]>();
  for (const w of readSectionWeights()) {
    byStage.set(w.stage, [...(byStage.get(w.stage) ?? []), `${sectionWords[w.section]} ${formatNumber(w.weight, 2)}`]);
  }
  const items = [...byStage].map(
    ([stage, parts]) => `<li>${esc(stageLabels[stage]?.[0] ?? stage)}：${esc(parts.join(" : "))}</li>`,
  );
  return `<section class="method-rules"><h2 id="combined-schools">一贯制学校和完全中学的“全校”行</h2>
<p>一贯制学校和完全中学可以把办学条件报成一行，学段填“全校”，并填写各学段在校生数（各学段之和等于在校生数）。计算生均指标、7项达标数和差异系数之前，这一行的每项资源按各学段“在校生数 × 权重”的比例分到各学段（班级数按在校生数的比例分），每个学段各算一所学校。权重按国家办法：</p>
<ul>${items.join("")}</ul></section>`;
}

function parametersMarkup(targets: Target[]): string {
  const titles = new Map(targets.map((t) => [t.target_id, t.title_zh]));
  const rows = readParameters().map(
    (p) =>
      `<tr><td>${esc(p.target_id ? (titles.get(p.target_id) ?? p.target_id) : "全部指标")}</td><td>${esc(parameterWords[p.parameter] ?? "")} <small class="muted param-id">${esc(p.parameter)}</small></td><td>${p.gradeFrom === null ? "" : esc(`${p.gradeFrom}–${p.gradeTo}年级`)}</td><td>${esc(String(p.value))}</td></tr>`,
  );
  return `<section class="method-rules"><h2 id="parameters">公式参数</h2>
<p class="muted">以下数字取自公式参数表 seeds/parameters.csv，修改后重新计算指标即按新标准计算。</p>
<table class="methods-table"><thead><tr><th>指标</th><th>参数</th><th>年级</th><th>数值</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

/** How the progress of a target is judged (steps/progress.sql), with the cut-offs of seeds/parameters.csv. */
function progressMarkup(): string {
  const parameters = readParameters().filter((p) => !p.target_id);
  const value = (name: string) => parameters.find((p) => p.parameter === name)?.value;
  const percent = (x: number | undefined) => (x === undefined ? "" : `${formatNumber(x * 100, 0)}%`);
  return `<section class="method-rules"><h2 id="progress">进度判断</h2>
<p>对有目标值、且目标值针对数值本身（不是逐年变化）的指标，按加拿大统计局的方法（联合国可持续发展目标开放数据平台采用）判断全区的进度。</p>
<ul>
<li>目标：全区指标为目标值；逐校指标（校校达标）的全区数值是达标学校占比，目标是全部学校达标（100%），不是每校的标准值（如军训 7 天、生均设备 2,500 元）。目标值为 0 的（如大班额 0 个），计算增长率时按 0.001 计。</li>
<li>起点：应报学校全部报齐、已下结论（达标或未达标）的最早年度；终点：最新有数值的年度。</li>
<li>实际年均增长率＝（终点数值÷起点数值）的（1÷相隔年数）次方−1；所需年均增长率＝（目标÷起点数值）的（1÷起点到目标年份的年数）次方−1，目标年份为登记表的“目标年份”列，未写时为 ${value("target_year")} 年（“十四五”末）。</li>
<li>进度比＝方向×实际年均增长率÷所需年均增长率的绝对值，方向对“不低于”的指标（含达标学校占比）为 +1，对“不高于”的指标为 −1，所以朝反方向变化时进度比总是负数。</li>
<li>判断：最新年度已达标为“${progressWords.met}”；进度比不低于 ${percent(value("progress_on_track"))} 为“${progressWords.on_track}”，${percent(value("progress_accelerate"))} 至 ${percent(value("progress_on_track"))} 为“${progressWords.accelerate}”，0 至 ${percent(value("progress_accelerate"))} 为“${progressWords.limited}”，低于 0 为“${progressWords.regress}”（起点曾达标、后来回落的也是“${progressWords.regress}”）。最新年度未下结论的写“最新年度数据不全”，报齐的年度只有一个的写“仅一年完整数据”，起点为 0 的写“起点为0”，均不作判断。</li>
<li>显示：页面用指标自己的单位写出起点以来每年实际变化多少、要在目标年份达标每年需变化多少。占比和比率按“个百分点”计（如“达标学校占比年均 +2.3个百分点；2025年全部学校达标需年均 +3.5个百分点”），不写成百分比的增长率；个数、金额按其单位计。</li>
</ul></section>`;
}

/** 条款与指标: every clause of the plan, the targets that serve it or why it has none (seeds/clauses-<year>.csv). */
function clauseTableMarkup(plan: Plan, targets: Target[]): string {
  const rows = clauseCoverage(plan, targets, readClauseReasons()).map(({ clause, targets: serving, reason }) => {
    const n = clause.number;
    const label = serving.length ? `<a href="#clause-${n}">第${n}条</a>` : `第${n}条`;
    const cell = serving.length
      ? serving.map((t) => `<a href="#method-${esc(t.target_id)}">${esc(t.title_zh)}</a>`).join("；")
      : `<span class="muted">无可检查的指标：${esc(reason)}</span>`;
    return `<tr data-clause="${n}"><td>${label}</td><td>${esc(clause.title)}</td><td>${serving.length}</td><td>${cell}</td></tr>`;
  });
  const covered = new Set(targets.map((t) => t.clause)).size;
  return `<section class="method-rules"><h2 id="clauses">条款与指标</h2>
<p>工作要点共 ${plan.clauses.length} 条，其中 ${covered} 条有可检查的指标（要出台的文件、要覆盖的学校或学生、要完成的数量），其余各条写明没有指标的原因：定性要求不硬凑成数字。</p>
<table class="methods-table clause-table"><thead><tr><th>条款</th><th>标题</th><th>指标数</th><th>指标，或没有指标的原因</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

/** 方法: the rules, then the clause table, then per clause its text and the targets that serve it. */
export function methodsMarkup(targets: Target[]): string {
  const plan = readPlan();
  const used = [...new Set(targets.map((t) => t.clause))].sort((a, b) => a - b);
  const shown = new Set(used);
  const clauses = used.map((n) => {
    const clause = plan.clauses.find((c) => c.number === n);
    const blocks = targets
      .filter((t) => t.clause === n)
      .map((t) => targetMarkup(t, shown))
      .join("\n");
    return `<section class="clause"><h2 id="clause-${n}">第${n}条 ${esc(clause?.title ?? "")}</h2>
<blockquote class="clause-text">${esc(clause?.text ?? "")}</blockquote>
${blocks}</section>`;
  });
  return [
    statusesMarkup(),
    progressMarkup(),
    weightsMarkup(),
    clauseTableMarkup(plan, targets),
    ...clauses,
    parametersMarkup(targets),
  ].join("\n");
}
