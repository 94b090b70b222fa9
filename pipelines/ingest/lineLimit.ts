// A text file with an absurdly long line is refused whole, with its line number, before any reader
// sees it: a line of 33 MB is no school's data, and no reader should decide alone what to do with it.

/** Longest line of a text data file (bytes). A row of the widest dataset is a few hundred bytes. */
export const maxLineBytes = 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A Chinese sentence naming the first line longer than maxLineBytes, or undefined. */
export function tooLongLine(bytes: Uint8Array): string | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let line = 1;
  for (let start = 0; start < buf.length; line++) {
    const end = buf.indexOf(0x0a, start);
    const stop = end < 0 ? buf.length : end;
    if (stop - start > maxLineBytes)
      return `第 ${line} 行长 ${mb(stop - start)}，超过每行上限 ${mb(maxLineBytes)}，不像是数据：整个文件未导入，请检查该行后重新发送`;
    if (end < 0) break;
    start = end + 1;
  }
  return undefined;
}
