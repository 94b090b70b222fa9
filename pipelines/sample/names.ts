// Streets (镇街), clusters and the obviously fictional school names of the sample.

export const streets = [
  "小龙坎街道",
  "沙坪坝街道",
  "磁器口街道",
  "渝碚路街道",
  "詹家溪街道",
  "井口镇",
  "歌乐山镇",
  "青木关镇",
  "回龙坝镇",
  "曾家镇",
  "土主街道",
  "西永街道",
  "虎溪街道",
  "陈家桥街道",
  "覃家岗街道",
  "联芳街道",
  "天星桥街道",
  "石井坡街道",
  "童家桥街道",
  "山洞街道",
  "新桥街道",
  "凤天路街道",
];

export const clusters = [
  "沙磁示例学区",
  "大学城示例学区",
  "井口示例学区",
  "歌乐山示例学区",
  "西永示例学区",
  "陈家桥示例学区",
];

export const suffix: Record<string, string> = {
  primary: "小学",
  junior: "初级中学",
  nine_year: "实验学校",
  complete_secondary: "中学",
  senior: "高级中学",
  twelve_year: "外国语学校",
  vocational: "职业教育中心",
  special: "特殊教育学校",
};
export const brands = ["童心", "小天使", "阳光", "彩虹", "金色摇篮", "蒲公英", "七色花", "启蒙"];
const digits = "零一二三四五六七八九";

export function chineseNumber(n: number): string {
  if (n < 10) return digits[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : digits[tens]}十${n % 10 ? digits[n % 10] : ""}`;
}
