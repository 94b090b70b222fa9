// Every dataset's tables, in the order the files are written.
import { militaryTable, peTables } from "./activity.ts";
import { healthTables } from "./health.ts";
import { classSizesTables } from "./classes.ts";
import type { District } from "./context.ts";
import { milestonesTable } from "./milestones.ts";
import { referenceTable, teacherPayTables } from "./pay.ts";
import { recordsTable } from "./records.ts";
import { schoolsTable } from "./schools.ts";
import { facilitiesTables, specialRoomsTables } from "./resources.ts";
import type { Table } from "./table.ts";
import { schoolTasksTable, specialNeedsTables } from "./tasks.ts";
import { visionTables } from "./vision.ts";

export function allTables(d: District): Table[] {
  return [
    schoolsTable(d),
    referenceTable(d),
    ...visionTables(d),
    recordsTable(d),
    ...peTables(d),
    militaryTable(d),
    ...healthTables(d),
    ...facilitiesTables(d),
    ...specialRoomsTables(d),
    ...teacherPayTables(d),
    ...classSizesTables(d),
    milestonesTable(d),
    schoolTasksTable(d),
    ...specialNeedsTables(d),
  ];
}
