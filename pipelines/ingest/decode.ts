// Telling a file's encoding without asking: UTF-8 (with or without BOM), UTF-16LE/BE with BOM
// (Excel's "Unicode text"), else GB18030 (Excel's CSV on Chinese Windows), which covers GBK.

export type Encoding = "utf-8" | "gb18030" | "utf-16le" | "utf-16be";

export interface Decoded {
  encoding: Encoding;
  text: string;
}

function tryDecode(encoding: Encoding, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes a file's bytes, or returns undefined when no supported encoding fits. */
export function decode(bytes: Uint8Array): Decoded | undefined {
  if (workbookKind(bytes)) return undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode("utf-8", bytes);
    return text === undefined ? undefined : { encoding: "utf-8", text };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = tryDecode("utf-16le", bytes);
    return text === undefined ? undefined : { encoding: "utf-16le", text };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = tryDecode("utf-16be", bytes);
    return text === undefined ? undefined : { encoding: "utf-16be", text };
  }
  if (looksLikeUtf16le(bytes)) {
    const text = tryDecode("utf-16le", bytes);
    if (text !== undefined) return { encoding: "utf-16le", text };
  }
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== undefined) return { encoding: "utf-8", text: utf8 };
  const gb = tryDecode("gb18030", bytes);
  if (gb !== undefined && !/[\u0000-\u0008\u000e-\u001f]/.test(gb)) return { encoding: "gb18030", text: gb };
  return undefined;
}

/** UTF-16LE without a BOM: text whose odd bytes are mostly zero and whose even bytes are not. */
function looksLikeUtf16le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length - (bytes.length % 2), 400);
  if (n < 8) return false;
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  return oddZeros > n / 2 / 2 && evenZeros < n / 2 / 10;
}

/** Spreadsheets saved as workbooks instead of CSV: .xlsx (a ZIP) or the old .xls (an OLE file). */
export function workbookKind(bytes: Uint8Array): "xlsx" | "xls" | undefined {
  const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts([0x50, 0x4b, 0x03, 0x04])) return "xlsx";
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "xls";
  return undefined;
}
