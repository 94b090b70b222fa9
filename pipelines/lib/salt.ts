import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { root } from "./paths.ts";

/**
 * The secret salt for student ids: $STUDENT_ID_SALT, else the file $STUDENT_ID_SALT_FILE
 * (default data/student-id.salt, ignored by git and never inside the warehouse), made on first use.
 */
export function studentIdSalt(): string {
  if (process.env.STUDENT_ID_SALT) return process.env.STUDENT_ID_SALT;
  const file = process.env.STUDENT_ID_SALT_FILE ?? path.join(root, "data", "student-id.salt");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

export function hashStudentId(salt: string, id: string): string {
  return crypto.createHash("sha256").update(`${salt}:${id}`).digest("hex");
}
