// What counts as personal in published text: id-card numbers by their check digit, student numbers, phones.
import { describe, expect, it } from "vitest";
import { isIdCardNumber, maskPersonal, publicFileName, publicRecord } from "../../../pipelines/lib/personal.ts";

describe("maskPersonal", () => {
  it("masks an id-card number whose check digit holds, and leaves an 18-digit number whose does not", () => {
    // 5·7+0·9+0·10+1·5+0·8+6·4+2·2+0·1+0·6+9·3+1·7+1·9+3·10+0·5+3·8+4·4+5·2 = 191; 191 mod 11 = 4 → "8"
    expect(isIdCardNumber("500106200911303458")).toBe(true);
    expect(isIdCardNumber("500106200911303457")).toBe(false);
    expect(maskPersonal("身份证 500106200911303458 错")).toBe("身份证 ［身份证号已隐去］ 错");
    expect(maskPersonal("编号 500106200911303457")).toBe("编号 500106200911303457");
  });

  it("masks a national student number (a letter and an id-card number) and phone numbers", () => {
    expect(maskPersonal("学校代码 G500106200911303458 不在学校名录中")).toBe(
      "学校代码 ［学籍号已隐去］ 不在学校名录中",
    );
    expect(maskPersonal("家长 13812345678，138-1234-5678，023-65432100")).toBe(
      "家长 ［电话号码已隐去］，［电话号码已隐去］，［电话号码已隐去］",
    );
  });

  it("leaves dates, amounts, school codes and hashes alone", () => {
    const plain = "2021-09-16 年工资 123456 元，学校 500106001，哈希:a13812345678b0c1";
    expect(maskPersonal(plain)).toBe(plain);
  });
});

describe("what a published reject and file name keep", () => {
  it("a record loses the columns that name a person and masks the rest; a student record is withheld", () => {
    const record = JSON.stringify({ 学校代码: "S01", 学生姓名: "张三", 身份证号: "x", 备注: "电话13812345678" });
    expect(JSON.parse(publicRecord(record, false, "不公开")!)).toEqual({
      学校代码: "S01",
      备注: "电话［电话号码已隐去］",
    });
    expect(publicRecord(record, true, "不公开")).toBe("不公开");
  });

  it("a student file is named by its load, never by what the school called it", () => {
    expect(publicFileName("vision_records/张三.csv", 12, true)).toBe("学生个案文件（导入编号 12）.csv");
    expect(publicFileName("2021年报表.xlsx#学生视力", 3, true)).toBe("学生个案文件（导入编号 3）.xlsx");
    expect(publicFileName("vision/G500106200911303458.csv", 4, false)).toBe("vision/［学籍号已隐去］.csv");
  });
});
