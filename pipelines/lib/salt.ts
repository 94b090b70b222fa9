import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { root } from "./paths.ts";

/** The least salt that keeps a hashed student id from being guessed: 32 random bytes (64 hex digits as written). */
const leastBytes = 32;
const leastDistinct = 8;

export interface Salt {
  salt: string;
  /** Why student records must not be hashed with it (an empty, short or repetitive salt), in one line. */
  problem?: string;
}

/** Why a salt is too weak to hash student ids with, or undefined when it will do. */
export function weakSalt(salt: string, where: string): string | undefined {
  const bytes = Buffer.byteLength(salt, "utf8");
  if (bytes >= leastBytes && new Set(salt).size >= leastDistinct) return undefined;
  const what = bytes === 0 ? "为空" : bytes < leastBytes ? `只有 ${bytes} 个字节` : "不是随机数据（字符重复）";
  return (
    `学籍号加密用的盐（${where}）${what}，至少要 ${leastBytes} 个字节的随机数据：学生个案不导入。` +
    "首次导入前删除该文件会自动生成新的盐；已有学生记录时请恢复原来的盐文件"
  );
}

/** Writes a new salt so that a crash or a full disk leaves either no file or the whole salt, never an empty one. */
function createSalt(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  const fd = fs.openSync(partial, "wx", 0o600);
  try {
    fs.writeSync(fd, crypto.randomBytes(leastBytes).toString("hex"));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(partial, file);
}

/**
 * The secret salt for student ids: $STUDENT_ID_SALT, else the file $STUDENT_ID_SALT_FILE
 * (default data/student-id.salt, ignored by git, readable by its owner only and never inside the
 * warehouse), made on first use. A salt of fewer than 32 bytes comes with the problem that stops student files.
 */
export function studentIdSalt(): Salt {
  const given = process.env.STUDENT_ID_SALT;
  if (given) return { salt: given, problem: weakSalt(given, "环境变量 STUDENT_ID_SALT") };
  const file = process.env.STUDENT_ID_SALT_FILE ?? path.join(root, "data", "student-id.salt");
  if (!fs.existsSync(file)) createSalt(file);
  const salt = fs.readFileSync(file, "utf8").trim();
  return { salt, problem: weakSalt(salt, `文件 ${path.relative(process.cwd(), file) || file}`) };
}

export function hashStudentId(salt: string, id: string): string {
  return crypto.createHash("sha256").update(`${salt}:${id}`).digest("hex");
}
