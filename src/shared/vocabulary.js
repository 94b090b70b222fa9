// The words every surface uses — pages, the build-time markup, CSV, XLSX, PDF and the command line:
// statuses, reject reasons, ingest results, units, areas. Pure data, no DOM: importable by pages and by Node.

/** The site's name (the browser's title bar, after a page's own title). */
export const siteTitle = "沙坪坝区教育工作要点指标监测";

/** The five statuses of indicator_values (rule: docs/methods.md, docs/completeness.md). */
export const statusWords = {
  met: "达标",
  not_met: "未达标",
  incomplete: "数据不全",
  no_data: "无数据",
  info: "监测",
};

/** Statuses in the order a reader should look at them: what is not met first, then what is not known. */
export const statusOrder = ["not_met", "incomplete", "no_data", "met", "info"];

/** What each status means, in one sentence (methods page, README). */
export const statusMeanings = {
  met: "数值达到目标值（全区逐校指标：全部适用学校达标）。",
  not_met: "数值未达到目标值；全区计数类指标在有学校未报时，已经超标的仍判为未达标。",
  incomplete: "应报数据未报齐，或有年级、班级、学段缺少计算所需的数字：数值按已到的数据计算，但不下达标结论。",
  no_data: "没有可计算的数据（应报学校都未报送，或报送的数据缺少计算所需的数字）。",
  info: "监测指标，只看数值和趋势，不设目标值。",
};

/** Which way a target is heading (table target_progress, category). */
export const progressWords = {
  met: "已达标",
  on_track: "进度正常",
  accelerate: "需加快",
  limited: "进展有限",
  regress: "退步",
  one_year: "仅一年完整数据，暂无法判断进度",
  incomplete: "最新年度数据不全，暂不判断进度",
  cannot: "起点为0，无法按增长率判断进度",
};

/** Reason codes of rejected rows (rule: docs/data.md), in the order they are checked, with their words. */
export const reasonWords = {
  totals_row: "合计/表尾行",
  missing_required: "必填项为空",
  bad_type: "格式错误",
  out_of_range: "超出范围",
  unknown_school: "学校不存在",
  unknown_target: "指标不存在",
  wrong_section: "学段不符",
  inconsistent: "前后矛盾",
  duplicate_key: "重复记录",
};

/** Results of reading one file (ingest_log.status). */
export const ingestStatusWords = { loaded: "已导入", unchanged: "未变化（已导入过）", failed: "整文件拒收" };

export const encodingWords = {
  "utf-8": "UTF-8",
  gb18030: "GB18030",
  "utf-16le": "UTF-16LE",
  xlsx: "Excel 工作簿",
  xls: "Excel 97–2003 工作簿",
};

/** Where a school's vision figures came from in a year (vision_by_grade.source). */
export const sourceKindWords = { summary: "汇总表", records: "学生个案", mixed: "汇总表与个案混合" };

/** The sections of a school (学段), by code. */
export const sectionWords = {
  kindergarten: "幼儿园",
  primary: "小学",
  junior: "初中",
  senior: "高中",
  vocational: "中职",
  special: "特殊教育",
};

/** Unit words after a number; ratios are shown as percentages, changes of a ratio as 个百分点. */
export const unitWords = {
  m2: "平方米",
  yuan: "元",
  minutes: "分钟",
  days: "天",
  hours: "学时",
  rooms: "间",
  teachers: "人",
  indicators: "项",
  classes: "个",
  schools: "所",
  kindergartens: "所",
  points: "个",
  pairs: "对",
  projects: "个",
  documents: "件",
  doctors: "名",
  coefficient: "",
};

/** Units counted in whole numbers. */
export const countUnits = [
  "indicators",
  "classes",
  "schools",
  "kindergartens",
  "points",
  "pairs",
  "projects",
  "documents",
  "doctors",
];

/** The chart kinds a target may name in the registry (targets.csv, column chart). */
export const chartKinds = ["schools", "cv", "milestone", "trend"];

/** The area pages, in the order of the menu; each target names its area in the registry (column area). */
export const areas = [
  { slug: "vision", title: "视力健康", intro: "近视率、筛查覆盖率与视力分段管理（第10条）。" },
  { slug: "pe", title: "体育与军训", intro: "体育课时、校内外体育活动、体质健康与高中军训（第11条）。" },
  {
    slug: "health",
    title: "卫生与心理",
    intro: "结核病筛查、预防接种证查验、心理体检与心理讲座、学校食堂管理办法与“明厨亮灶”、“百名医师进校园”（第10条）。",
  },
  {
    slug: "balance",
    title: "办学条件与均衡",
    intro: "义务教育学校办学条件、师资配置、专用教室与校际均衡差异系数（第24条）。",
  },
  { slug: "classes", title: "班额与规模", intro: "大班额、超标准班额与超规模学校（第24、25条）。" },
  { slug: "pay", title: "教师待遇", intro: "义务教育教师平均工资与当地公务员平均工资之比（第32条）。" },
  {
    slug: "preschool",
    title: "学前教育",
    intro: "毛入园率、普惠性幼儿园覆盖率、公办园占比、安吉游戏试点与区域教研网络（第23条）。",
  },
  {
    slug: "milestones",
    title: "重点任务",
    intro:
      "按期出台的文件、党建品牌、依法治教、国际交流、重点建设与维修、资助和安全等台账指标，以及学校重点工作落实和特殊教育“一人一案”（第5、9、12—14、16、20—22、26、29、33、36、38—40条）。",
  },
];

/** "已报 37/40 校": how many of the schools that owe a target's data sent it (district rows). */
export function reportedWords(reported, owed, { panel = false } = {}) {
  if (owed == null) return "";
  return `${panel ? "同口径" : "已报"} ${reported ?? 0}/${owed} 校`;
}

/**
 * "缺报 3 校，不影响结论" or "缺报 3 校，结论待定（在 91.2% 至 96.0% 之间）": whether the schools still
 * missing could change a district verdict (indicator_values lower_bound, upper_bound, schools_missing).
 * `format` writes a bound in the target's unit. "" when no school is missing or the target is monitored.
 */
export function boundsWords(row, format) {
  if (!row || !(row.schools_missing > 0) || row.status === "info" || row.status === "no_data") return "";
  const head = `缺报 ${row.schools_missing} 校`;
  if (row.status === "met" || row.status === "not_met") return `${head}，不影响结论`;
  if (row.lower_bound == null) return `${head}，结论待定（缺报学校的规模不明，或这类指标无法估计范围）`;
  if (row.upper_bound == null) return `${head}，结论待定（报齐后不低于 ${format(row.lower_bound)}）`;
  return `${head}，结论待定（报齐后在 ${format(row.lower_bound)} 至 ${format(row.upper_bound)} 之间）`;
}

/** What a school still lacks for a target (the lists behind 数据不全 and "已报 x/y 校"). */
export const gapWords = {
  notSent: "未报送",
  rejected: "有数据行被拒收",
  short: "应报数据未报齐",
  noValue: "缺少计算所需的数字，无法计算",
  leftOut: (n) => `${n} 个年级（或班级、学段）缺少计算所需的数字`,
  listTitle: "未报齐的学校",
  ownTitle: "缺哪些数据",
};

/**
 * "未报送", "缺初中学段", "缺三年级、四年级", "有数据行被拒收": what a report owed still lacks
 * (a MissingReport of pipelines/lib/reports.ts, its grades already in words).
 */
export function lackWords(m) {
  if (m.state === "missing") return gapWords.notSent;
  const parts = [];
  if (m.sections_missing.length) parts.push(`缺${m.sections_missing.map((s) => sectionWords[s] ?? s).join("、")}学段`);
  if (m.grade_labels?.length) parts.push(`缺${m.grade_labels.join("、")}`);
  if (m.rejected) parts.push(gapWords.rejected);
  return parts.join("，");
}

/** "未填 校外体育活动(分钟/天)（一年级、二年级）": an optional cell left blank in some grades. */
export function blankWords(b) {
  return `未填 ${b.label}（${b.grade_labels.join("、")}）`;
}

/** "3 校 5 个年级未填 校外体育活动(分钟/天)": blank optional cells of a dataset column over the district. */
export function blankSummaryWords(schools, grades, label) {
  return `${schools} 校 ${grades} 个年级未填 ${label}`;
}

/** A figure not published: it stands on fewer pupils than the small-number threshold. */
export const suppressedWords = "人数过少，不公布";

/** Who a target is judged for (registry column scope). */
export const scopeWords = { school: "逐校（校校达标）", both: "逐校及全区", district: "全区" };

/** "逐校（校校达标）；小学、初中": a target's scope and the sections it applies to (ledger targets: 台账). */
export function scopeText(target) {
  const sections = target.applies_to.map((s) => (s === "milestone" ? "台账" : (sectionWords[s] ?? s))).join("、");
  return `${scopeWords[target.scope] ?? target.scope}；${sections}`;
}

/** The parameters of the formulas (seeds/parameters.csv, column parameter), in words. */
export const parameterWords = {
  tolerance: "与目标值比较时的相对误差",
  small_number_min: "分年级显示近视率的最少筛查人数",
  weekly_lessons: "每周体育课节数下限",
  large_class_size: "大班额人数（达到即为大班额）",
  standard_size: "标准班额（超过即为超标准）",
  room_area_min: "专用教室最小使用面积（平方米）",
  classes_per_room: "每多少个班配1间专用教室",
  max_students: "超规模人数上限",
  max_students_combined: "一贯制学校超规模人数上限",
  unmet_floor: "未达标项至少达到目标值的比例",
  target_year: "登记表未写年份时，指标应达到目标的年份",
  progress_on_track: "进度正常：实际年均增长率至少达到所需增长率的比例",
  progress_accelerate: "需加快：实际年均增长率至少达到所需增长率的比例（更低为进展有限）",
};

/** The corrections list (pipelines/lib/corrections.ts): a school's later submission standing for its earlier one. */
export const correctionWords = {
  title: "数据更正",
  note:
    "学校在之后的导入中重新报送了同一数据集、同一年度的数据（同名文件内容改变，或新文件如“班额更正.csv”），以最新一次报送为准：" +
    "新报送中没有的行不再计入（旧数据保留在历史表中，不删除）。下表列出每次更正前后的文件和变化的行数，可据此核对数字为何变化。",
  none: "没有数据更正。",
  school: "本校重新报送过数据，以最新一次报送为准，旧数据保留在历史表中",
};

/** "新增 1 行、删除 1 行、修改 1 行", or 内容无变化: what a correction changed. */
export function correctionCounts(c) {
  const parts = [
    ["新增", c.added],
    ["删除", c.removed],
    ["修改", c.changed],
  ].filter(([, n]) => n > 0);
  return parts.length ? parts.map(([word, n]) => `${word} ${n} 行`).join("、") : "内容无变化";
}

/** "2024年班额：class_sizes/班额.csv → class_sizes/班额更正.csv，删除 1 行": one correction in a sentence. */
export function correctionText(c, datasetName) {
  const what = `${c.year != null ? `${c.year}年` : ""}${datasetName ?? c.dataset}${c.target_id ? `（${c.target_id}）` : ""}`;
  return `${what}：${c.earlier_files} → ${c.later_files}，${correctionCounts(c)}`;
}

/** The classes behind the class-size targets (table oversize_classes). */
export const classWords = {
  title: "超标准班额的班级",
  large: "大班额（56人及以上）",
  over: "超过标准班额",
  listIntro: "最新年度每个人数达到 56 人（大班额）或超过所在年级标准班额（小学 45 人、初中 50 人）的班级，大班额在前。",
};

/** Who issues the reports, unless `npm run export -- --issuer` or REPORT_ISSUER names another body. */
export const defaultIssuer = "沙坪坝区教育委员会";
