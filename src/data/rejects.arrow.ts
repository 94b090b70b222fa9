// Every rejected row with its file, editor line, reason and raw record (none for student-level datasets).
import { rowsToArrow } from "../../pipelines/lib/arrow.ts";
import { warehousePath } from "../../pipelines/lib/paths.ts";
import { personalColumns, readDictionary } from "../../pipelines/lib/registry.ts";
import { queryRows, readWarehouse } from "../../pipelines/lib/warehouse.ts";
import { runLoader } from "../../pipelines/lib/loader.ts";

await runLoader("rejects.arrow", async () => {
  // Rejected rows of student-level datasets are not published, not even redacted: the file and line find them.
  const personalDatasets = [...readDictionary().values()].filter((ds) => personalColumns(ds).length).map((ds) => ds.name);
  const withheld = "（学生个人记录不在网站上公开，请按文件名和行号在原文件中查看）";
  const rows = await readWarehouse(
    warehousePath(),
    (c) =>
      queryRows(
        c,
        `select source_file, source_line, dataset, reason_code, reason,
                case when list_contains(string_split($personal, ','), dataset) then $withheld else record end as record
         from rejects order by source_file, source_line`,
        { personal: personalDatasets.join(","), withheld },
      ),
    [],
  );
  return (
    rowsToArrow(rows, {
      source_file: "string",
      source_line: "int",
      dataset: "string",
      reason_code: "string",
      reason: "string",
      record: "string",
    }),
  );
});
