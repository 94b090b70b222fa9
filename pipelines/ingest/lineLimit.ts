// A text file with an absurdly long line is refused whole, with its line number, before any reader
// sees it: a line of 33 MB is no school's data, and no reader should decide alone what to do with it.

/** Longest line of a text data file (bytes). A row of the widest dataset is a few hundred bytes. */
export const maxLineBytes = 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Watches the bytes of a file go by, chunk after chunk, for the first line longer than maxLineBytes. */
export class LineWatch {
  private line = 1;
  private length = 0;
  private found: { line: number; bytes: number } | undefined;

  feed(chunk: Uint8Array): void {
    if (this.found) return;
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    for (let start = 0; start < buf.length;) {
      const end = buf.indexOf(0x0a, start);
      const stop = end < 0 ? buf.length : end;
      this.length += stop - start;
      if (this.length > maxLineBytes && end >= 0) return void (this.found = { line: this.line, bytes: this.length });
      if (end < 0) break;
      this.line++;
      this.length = 0;
      start = end + 1;
    }
  }

  /** A Chinese sentence naming the first line longer than maxLineBytes, or undefined. */
  result(): string | undefined {
    const found = this.found ?? (this.length > maxLineBytes ? { line: this.line, bytes: this.length } : undefined);
    if (!found) return undefined;
    return `第 ${found.line} 行长 ${mb(found.bytes)}，超过每行上限 ${mb(maxLineBytes)}，不像是数据：整个文件未导入，请检查该行后重新发送`;
  }
}

/** A Chinese sentence naming the first line longer than maxLineBytes, or undefined. */
export function tooLongLine(bytes: Uint8Array): string | undefined {
  const watch = new LineWatch();
  watch.feed(bytes);
  return watch.result();
}
