// Names of the sheets a template workbook carries besides its data sheet (read back as no dataset, quietly).
export const guideSheet = "填报说明";
export const schoolListSheet = "学校代码表";
/** A hidden sheet holding every spelling a drop-down list accepts, one column a list. */
export const valuesSheet = "可选值";
export const templateSheets = new Set([guideSheet, schoolListSheet, valuesSheet]);
