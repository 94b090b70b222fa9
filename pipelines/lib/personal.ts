// Personal data is a property of columns (the dictionary's `personal` column) and of patterns: an
// 18-character id-card number whose check digit holds, a national student number (a letter and an id-card
// number), a mobile or landline phone number. Every text that leaves the warehouse — reject reasons and
// records, file names, free-text cells — goes through maskPersonal; what cannot be told by a pattern (a
// pupil's name) is kept out by column: see publicFileName and publicRecord.
import { personalColumns, readDictionary } from "./seeds.ts";

const edge = "(?<![0-9A-Za-z])";
const end = "(?![0-9A-Za-z])";
const idCard = new RegExp(`${edge}\\d{17}[\\dXx]${end}`, "g");
const studentNumber = new RegExp(`${edge}[A-Za-z]\\d{17}[\\dXx]${end}`, "g");
const mobile = new RegExp(`${edge}(?:\\+?86[- ]?)?1[3-9]\\d(?:[- ]?\\d{4}){2}${end}`, "g");
const landline = new RegExp(`${edge}0\\d{2,3}[-－ ]\\d{7,8}${end}`, "g");

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Whether an 18-character number is an id-card number: its last character is the check digit of the rest. */
export function isIdCardNumber(text: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(text)) return false;
  const sum = weights.reduce((s, w, i) => s + w * Number(text[i]), 0);
  return "10X98765432"[sum % 11] === text[17].toUpperCase();
}

export const maskedWords = {
  idCard: "［身份证号已隐去］",
  studentNumber: "［学籍号已隐去］",
  phone: "［电话号码已隐去］",
} as const;

/** The text with every id-card number, student number and phone number replaced by a word saying so. */
export function maskPersonal(text: string): string {
  if (!/\d{7}/.test(text)) return text;
  return text
    .replace(studentNumber, (m) => (isIdCardNumber(m.slice(1)) ? maskedWords.studentNumber : m))
    .replace(idCard, (m) => (isIdCardNumber(m) ? maskedWords.idCard : m))
    .replace(mobile, maskedWords.phone)
    .replace(landline, maskedWords.phone);
}

/** Headers that name a person or reach one (a name, an id, a phone, an address). */
const personalHeader =
  /姓名|名字|身份证|证件|学籍|学号|电话|手机|联系方式|住址|地址|家长|监护人|phone|mobile|id_?card/i;

export function isPersonalHeader(header: string): boolean {
  return personalHeader.test(header.normalize("NFKC"));
}

/**
 * A rejected record as it may be published: columns whose header names a person left out, the rest masked.
 * Rows of a dataset with personal columns are not published at all (`withheld`).
 */
export function publicRecord(record: string | null, personalDataset: boolean, withheld: string): string | null {
  if (record === null) return null;
  if (personalDataset) return withheld;
  let cells: Record<string, unknown>;
  try {
    cells = JSON.parse(record);
  } catch {
    return maskPersonal(record);
  }
  const kept: Record<string, string> = {};
  for (const [header, cell] of Object.entries(cells)) {
    if (!isPersonalHeader(header)) kept[maskPersonal(header)] = maskPersonal(String(cell ?? ""));
  }
  return JSON.stringify(kept);
}

/**
 * A file's name as it may be published: masked; the file of a dataset with personal columns (a school may
 * name it after a pupil) is named by its load instead, which the warehouse's ingest_log maps back.
 */
export function publicFileName(file: string, loadId: number | null, personalDataset: boolean): string {
  if (!personalDataset) return maskPersonal(file);
  const extension = /\.[A-Za-z]{2,4}$/.exec(file.split("#")[0])?.[0] ?? "";
  return `学生个案文件（导入编号 ${loadId ?? "?"}）${extension}`;
}

/** The datasets with personal columns (student records): their rows and file names are never published. */
export function personalDatasets(): Set<string> {
  return new Set([...readDictionary().values()].filter((ds) => personalColumns(ds).length).map((ds) => ds.name));
}

/** A rejected row's file and reason as they may be published (and its dataset, which says how). */
export function publicReject<
  T extends { load_id: number; source_file: string; dataset: string | null; reason: string },
>(r: T, personal: Set<string>): { dataset: string; source_file: string; reason: string } {
  return {
    dataset: r.dataset ?? "",
    source_file: publicFileName(r.source_file, r.load_id, personal.has(r.dataset ?? "")),
    reason: maskPersonal(r.reason),
  };
}
