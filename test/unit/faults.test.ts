// The classifier on the texts DuckDB, Node and Framework give (test/reliability/faults.test.ts makes the faults
// happen for real; these are the words each one arrives in).
import { describe, expect, it } from "vitest";
import { UserError } from "../../pipelines/lib/errors.ts";
import { classifyFault, faultError, faultLine, megabytes } from "../../pipelines/lib/faults.ts";

const nodeError = (code: string, message: string, path?: string) =>
  Object.assign(new Error(message), { code, ...(path ? { path } : {}) });

describe("classifyFault", () => {
  it.each([
    [
      "DuckDB, a full disk at commit",
      new Error(
        'TransactionContext Error: Failed to commit: Could not write file "/d/w.duckdb.wal": No space left on device',
      ),
      { kind: "no_space", path: "/d/w.duckdb.wal" },
    ],
    [
      "Node, a full disk",
      nodeError("ENOSPC", "ENOSPC: no space left on device, write"),
      { kind: "no_space", path: undefined },
    ],
    [
      "Framework's stderr, a full disk",
      "\nUnexpected error: ENOSPC: no space left on device, open '/d/dist/.building-1/index.html'\n",
      { kind: "no_space", path: "/d/dist/.building-1/index.html" },
    ],
    [
      "DuckDB, no permission",
      new Error('IO Error: Cannot open file "/d/w.duckdb": Permission denied'),
      { kind: "permission", path: "/d/w.duckdb", readOnlyDisk: false },
    ],
    [
      "Node, no permission",
      nodeError("EACCES", "EACCES: permission denied, mkdir '/d/x'", "/d/x"),
      { kind: "permission", path: "/d/x", readOnlyDisk: false },
    ],
    [
      "DuckDB, a read-only disk",
      new Error('IO Error: Cannot open file "/d/w.duckdb": Read-only file system'),
      { kind: "permission", path: "/d/w.duckdb", readOnlyDisk: true },
    ],
    [
      "DuckDB, a truncated file",
      new Error('IO Error: Could not read enough bytes from file "/d/w.duckdb": attempted to read 262144 bytes'),
      { kind: "damaged", path: "/d/w.duckdb" },
    ],
    [
      "DuckDB, a damaged header",
      new Error("IO Error: Corrupt database file: computed checksum 1 does not match stored checksum 2 in block at 0"),
      { kind: "damaged", path: undefined },
    ],
    [
      "DuckDB, not a database",
      new Error('IO Error: The file "/d/w.duckdb" exists, but it is not a valid DuckDB database file!'),
      { kind: "damaged", path: "/d/w.duckdb" },
    ],
  ])("%s", (_, error, fault) => {
    expect(classifyFault(error)).toEqual(fault);
  });

  it("another DuckDB's storage version: older or newer, with the version that wrote it when DuckDB says", () => {
    const older = new Error(
      "IO Error: Trying to read a database file with version number 39, but we can only read versions between 64 and 68.\n" +
        "The database file was created with DuckDB version v0.6.0 or v0.6.1.\n\nNewer DuckDB version might …",
    );
    expect(classifyFault(older)).toEqual({
      kind: "version",
      path: undefined,
      found: 39,
      readable: "64–68",
      newer: false,
      writtenBy: "v0.6.0 or v0.6.1",
    });
    const newer = new Error(
      "IO Error: Trying to read a database file with version number 100, but we can only read version 64.\n" +
        "The database file was created with a newer version of DuckDB.",
    );
    expect(classifyFault(newer)).toMatchObject({ kind: "version", found: 100, readable: "64", newer: true });
  });

  it("anything else is no fault of the machine, and a UserError is told already", () => {
    expect(classifyFault(new Error('Binder Error: Referenced column "x" not found'))).toBeUndefined();
    expect(classifyFault(new UserError("数据仓库……正在被另一个进程使用"))).toBeUndefined();
    expect(faultError(new Error("Parser Error: syntax error"))).toBeUndefined();
  });
});

describe("faultLine", () => {
  it("tells what was being done, what was kept and what to run again, in Chinese", () => {
    const line = faultLine(
      { kind: "no_space", path: "/nonexistent-disk/w.duckdb" },
      {
        doing: "导入 vision_records/2021.csv",
        needs: "导入该文件约需 37.5 MB，与文件大小相当",
        kept: "此前导入的数据都还在。",
        retry: "npm run ingest",
      },
    );
    expect(line).toMatch(
      /^磁盘空间不足：导入 vision_records\/2021\.csv 时无法写入 \/nonexistent-disk\/w\.duckdb（所在磁盘只剩 [\d.]+ [KM]B，导入该文件约需 37\.5 MB，与文件大小相当）。此前导入的数据都还在。请清理磁盘空间后重新运行 npm run ingest。$/,
    );
  });

  it("a size under a megabyte in KB", () => {
    expect(megabytes(200)).toBe("1 KB");
    expect(megabytes(1.5 * 1024 * 1024)).toBe("1.5 MB");
  });
});
