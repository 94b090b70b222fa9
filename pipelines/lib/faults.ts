// Faults of the machine — a full disk, a missing permission, a damaged warehouse, a warehouse of another
// DuckDB — told as one plain Chinese line that says what happened and what to do (exit status 1).
// DuckDB tells them in English text and Node in error codes; this is the one place that reads either.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { version as duckdbVersion } from "@duckdb/node-api";
import { UserError } from "./errors.ts";
import { warehousePath } from "./paths.ts";

export type Fault =
  | { kind: "no_space"; path?: string }
  | { kind: "permission"; path?: string; readOnlyDisk: boolean }
  | { kind: "damaged"; path?: string }
  | { kind: "version"; path?: string; found: number; readable: string; newer: boolean; writtenBy?: string };

/** Where the fault happened and what the command leaves as it was; every field is optional. */
export interface FaultContext {
  /** What the command was doing, as a phrase: "导入 vision_records/2021.csv". */
  doing?: string;
  /** The warehouse file the command works on. */
  warehouse?: string;
  /** The folder the command writes, when the error does not name the path. */
  writes?: string;
  /** How much space the work needs, in words: "导入该文件约需 37.5 MB，与文件大小相当". */
  needs?: string;
  /** What was left as it was, one sentence: "此前导入的数据都还在。" */
  kept?: string;
  /** The command to run again once the fault is mended. */
  retry?: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The fault an error (or an error text) stands for; undefined when it is not a fault of the machine. */
export function classifyFault(error: unknown): Fault | undefined {
  if (error instanceof UserError) return undefined;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const text = messageOf(error);
  // Node names the path in `path` (or, as text from another process, "ENOSPC: …, open '/x'"); DuckDB as file "/x".
  const named =
    (error as NodeJS.ErrnoException | undefined)?.path ??
    /\bfile "([^"]+)"/i.exec(text)?.[1] ??
    /\bE[A-Z]+: [^,\n]+, \w+ '([^'\n]+)'/.exec(text)?.[1];
  if (code === "ENOSPC" || code === "EDQUOT" || /ENOSPC|EDQUOT|No space left on device|Disk quota exceeded/i.test(text))
    return { kind: "no_space", path: named };
  if (code === "EROFS" || /EROFS|Read-only file system/i.test(text))
    return { kind: "permission", path: named, readOnlyDisk: true };
  if (code === "EACCES" || code === "EPERM" || /EACCES|Permission denied/i.test(text))
    return { kind: "permission", path: named, readOnlyDisk: false };
  const version =
    /database file with version number (\d+), but we can only read versions? (?:between )?(\d+)(?: and (\d+))?/.exec(
      text,
    );
  if (version) {
    const [found, lowest] = version.slice(1, 3).map(Number);
    const highest = version[3] === undefined ? lowest : Number(version[3]);
    const writtenBy = /created with DuckDB version (v\d+\.\d+\.\d+(?: or v\d+\.\d+\.\d+)?)/.exec(text)?.[1];
    const readable = lowest === highest ? `${lowest}` : `${lowest}–${highest}`;
    return { kind: "version", path: named, found, readable, newer: found > highest, writtenBy };
  }
  if (
    /Could not read enough bytes|Corrupt database file|not a valid DuckDB database file|checksum .*does not match/i.test(
      text,
    )
  )
    return { kind: "damaged", path: named };
  return undefined;
}

/** A size in words: "37.5 MB", or "12 KB" under one megabyte. */
export const megabytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Free bytes on the disk that holds `target` (or its nearest existing folder); undefined when unknown. */
export function freeBytes(target: string): number | undefined {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    try {
      const s = fs.statfsSync(dir);
      return s.bavail * s.bsize;
    } catch {
      if (dir === path.dirname(dir)) return undefined;
    }
  }
}

/** Bytes of a file, or of every file under a folder (0 when it does not exist). */
export function sizeOf(target: string): number {
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name)), 0);
}

/**
 * `mkdir -p` that fails with the real reason: Node's recursive mkdir reports ENOENT where the disk is
 * read-only (EROFS), so each missing folder is made on its own.
 */
export function makeFolder(dir: string): void {
  if (fs.existsSync(dir)) return;
  const parent = path.dirname(dir);
  if (parent !== dir) makeFolder(parent);
  fs.mkdirSync(dir);
}

function userName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return String(process.getuid?.() ?? "当前用户");
  }
}

const can = (file: string, mode: number) => {
  try {
    fs.accessSync(file, mode);
    return true;
  } catch {
    return false;
  }
};

/** What the user may not do, in words ("读取 X", "写入文件夹 Y"), and where: found by asking the system. */
function denied(file: string): [string, string] {
  if (fs.existsSync(file)) {
    if (!can(file, fs.constants.R_OK)) return [`读取 ${file}`, file];
    if (!can(file, fs.constants.W_OK)) return [`写入 ${file}`, file];
    return [`读写 ${file}`, file];
  }
  let dir = path.dirname(file);
  while (!fs.existsSync(dir) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  if (!can(dir, fs.constants.X_OK)) return [`进入文件夹 ${dir}`, dir];
  if (!can(dir, fs.constants.W_OK)) return [`写入文件夹 ${dir}`, dir];
  return [`在文件夹 ${dir} 中创建 ${path.basename(file)}`, dir];
}

/** The command to run again: the one this process runs (`npm run <command>`), when it was started by cli.ts. */
function thisCommand(): string | undefined {
  const [script, command] = process.argv.slice(1);
  return /cli\.ts$/.test(script ?? "") && command ? `npm run ${command}` : undefined;
}

const ingestCommand = (warehouse: string) =>
  path.resolve(warehouse) === warehousePath() ? "npm run ingest" : `npm run ingest -- --db ${warehouse}`;

/** How to make a new warehouse in place of this file: move it aside, then a fresh ingest from the raw files. */
export function freshWarehouse(warehouse: string, aside = "bad"): string {
  const moves = [warehouse, `${warehouse}.wal`].filter((f) => fs.existsSync(f));
  const move = moves.map((f) => `mv ${f} ${f}.${aside}`).join("; ");
  return (
    `把它移到别处（${move || `mv ${warehouse} ${warehouse}.${aside}`}）` +
    `后运行 ${ingestCommand(warehouse)}，从 data/raw 中的原始文件重新建立数据仓库。`
  );
}

/** How to get a usable warehouse back without this file: the README's restore, or a fresh ingest. */
function rebuild(warehouse: string): string {
  return `请按 README“备份与恢复数据仓库”一节从备份恢复；或${freshWarehouse(warehouse)}`;
}

/** The state of a warehouse file and its write-ahead log, by the facts any write changes (size, times, inode). */
function fileState(warehouse: string): string {
  return [warehouse, `${warehouse}.wal`]
    .map((file) => {
      try {
        const s = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
        return s ? `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` : "-";
      } catch {
        return "?"; // a folder the user may not enter: DuckDB tells that fault
      }
    })
    .join("|");
}

/** The state of each warehouse this process opened, as it was just before it was opened. */
const statesAtOpen = new Map<string, string>();

/** Notes a warehouse's state before it is opened: a fault met later says whether this run changed the file. */
export function noteOpening(warehouse: string): void {
  const file = path.resolve(warehouse);
  if (!statesAtOpen.has(file)) statesAtOpen.set(file, fileState(file));
}

/** Whether the file differs from what it was when this process first opened it (false when never opened). */
function changedSinceOpened(warehouse: string): boolean {
  const before = statesAtOpen.get(path.resolve(warehouse));
  return before !== undefined && before !== fileState(path.resolve(warehouse));
}

/** The one line that tells the user what happened and what to do. */
export function faultLine(fault: Fault, context: FaultContext = {}): string {
  const { doing, kept = "" } = context;
  const when = doing ? `${doing}${/[\x21-\x7e]$/.test(doing) ? " " : ""}时` : "";
  const retry = context.retry ?? thisCommand();
  const again = retry ? `重新运行 ${retry}` : "再试一次";
  if (fault.kind === "no_space") {
    // A file inside the folder the command writes (its staging folder, gone by now) is told as that folder.
    const inside = fault.path && context.writes && fault.path.startsWith(context.writes + path.sep);
    const target = (inside ? undefined : fault.path) ?? context.writes ?? context.warehouse;
    const free = target === undefined ? undefined : freeBytes(target);
    const facts = [free === undefined ? "" : `所在磁盘只剩 ${megabytes(free)}`, context.needs ?? ""].filter(Boolean);
    return (
      `磁盘空间不足：${when}无法写入${target ? ` ${target}` : "文件"}${facts.length ? `（${facts.join("，")}）` : ""}。` +
      `${kept}请清理磁盘空间后${again}。`
    );
  }
  if (fault.kind === "permission") {
    const target = fault.path ?? context.writes ?? context.warehouse;
    if (fault.readOnlyDisk) {
      return (
        `无法写入：${target ?? "要写入的文件"} 所在的磁盘是只读的${doing ? `（${doing}时）` : ""}。${kept}` +
        `请换到可写的磁盘，或请管理员把该磁盘重新挂载为可写，然后${again}。`
      );
    }
    const user = userName();
    const [what, where] = target ? denied(target) : ["访问所需的文件", undefined];
    const grant = where ? `（如 chown ${user} ${where}）` : "";
    return (
      `没有权限：${when}当前用户 ${user} 不能${what}。${kept}` +
      `请换用有权限的用户运行，或请管理员给 ${user} 授予权限${grant}，然后${again}。`
    );
  }
  // Untold, the warehouse is the one this process opened (else the default one), never another.
  const warehouse = context.warehouse ?? fault.path ?? [...statesAtOpen.keys()].pop() ?? warehousePath();
  if (fault.kind === "damaged") {
    // DuckDB finds a damaged block when it reads it: a run may have written the file (a checkpoint) before then.
    if (changedSinceOpened(warehouse)) {
      return (
        `数据仓库 ${warehouse} 已损坏（文件内容有误），本次运行在发现损坏之前已经写入过它，不要再用它导入或生成网站。` +
        rebuild(warehouse)
      );
    }
    return `数据仓库 ${warehouse} 已损坏（文件不完整或内容有误），无法打开，本次没有改动它。${rebuild(warehouse)}`;
  }
  const by = fault.writtenBy ? `（${fault.writtenBy.replace(" or ", " 或 ")}）` : " ";
  const installed = `本程序安装的 DuckDB ${duckdbVersion()} 只能读取存储格式版本 ${fault.readable}`;
  const upgrade = fault.newer
    ? "请把本程序更新到与写入它的程序相同的版本（更新 package.json 中的 @duckdb/node-api 后运行 npm ci）"
    : "请用写入它的旧版 DuckDB 按 README“备份与恢复数据仓库”方法二导出（EXPORT DATABASE），再用本程序导入（IMPORT DATABASE）";
  return (
    `数据仓库 ${warehouse} 是${fault.newer ? "较新" : "较旧"}版本的 DuckDB${by}写入的（存储格式版本 ${fault.found}），` +
    `${installed}，无法打开，本次没有改动它。${upgrade}；或把它移到别处后运行 ${ingestCommand(warehouse)}，` +
    `从 data/raw 中的原始文件重新建立数据仓库。`
  );
}

/** The fault of an error as a UserError (exit 1) with its line; undefined when it is no fault of the machine. */
export function faultError(error: unknown, context: FaultContext = {}): UserError | undefined {
  const fault = classifyFault(error);
  if (!fault) return undefined;
  const told = new UserError(faultLine(fault, context));
  told.cause = error;
  return told;
}

/** Runs `work`; a fault of the machine it meets becomes its one line, any other error passes unchanged. */
export async function tellingFaults<T>(context: FaultContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw faultError(error, context) ?? error;
  }
}
