// The salt of student ids must stay the same for the life of a warehouse: a lost or replaced salt would
// hash the same students to new values, so a corrected file would count them twice. The warehouse keeps
// a fingerprint of the salt (not the salt) and refuses student files hashed with another one.
import crypto from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../../lib/warehouse.ts";

const fingerprintOf = (salt: string) =>
  crypto.createHash("sha256").update(`student-id-salt-fingerprint:${salt}`).digest("hex");

/** Undefined when the salt is the warehouse's (recording it on first use), else why student files must wait. */
export async function saltProblem(connection: DuckDBConnection, salt: string): Promise<string | undefined> {
  await connection.run("create table if not exists salt_fingerprint (fingerprint VARCHAR, recorded_at TIMESTAMP)");
  const [known] = await queryRows<{ fingerprint: string }>(connection, "select fingerprint from salt_fingerprint");
  const fingerprint = fingerprintOf(salt);
  if (!known) {
    await connection.run("insert into salt_fingerprint values ($f, current_timestamp::timestamp)", {
      f: fingerprint,
    } as never);
    return undefined;
  }
  if (known.fingerprint === fingerprint) return undefined;
  return (
    "学籍号加密用的盐与数据仓库中已有学生记录所用的不同（盐文件 data/student-id.salt 丢失或被替换？）：" +
    "请恢复原来的盐文件或 STUDENT_ID_SALT 后重新导入，否则同一学生会被当作不同学生重复计数"
  );
}
