// A ZIP archive of stored (uncompressed) entries: enough for an .xlsx a browser writes, with no library.

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** files: [{name, data: string | Uint8Array}] → the archive's bytes (entries dated 1980-01-01, UTF-8 names). */
export function zipStored(files) {
  const encoder = new TextEncoder();
  const parts = [];
  const central = [];
  let offset = 0;
  for (const file of files) {
    const name = encoder.encode(file.name);
    const data = typeof file.data === "string" ? encoder.encode(file.data) : file.data;
    const crc = crc32(data);
    // version 20, flags: UTF-8 names, method 0 (stored), time 0, date 1980-01-01
    const fields = [20, 0x0800, 0, 0, 0x21, crc, data.length, data.length, name.length, 0];
    const local = header(0x04034b50, [2, 2, 2, 2, 2, 4, 4, 4, 2, 2], fields);
    parts.push(local, name, data);
    central.push(
      header(0x02014b50, [2, 2, 2, 2, 2, 2, 4, 4, 4, 2, 2, 2, 2, 2, 4, 4], [20, ...fields, 0, 0, 0, 0, offset]),
      name,
    );
    offset += local.length + name.length + data.length;
  }
  const size = central.reduce((n, p) => n + p.length, 0);
  const end = header(0x06054b50, [2, 2, 2, 2, 4, 4, 2], [0, 0, files.length, files.length, size, offset, 0]);
  return concat([...parts, ...central, end]);
}

function header(signature, widths, values) {
  const bytes = new Uint8Array(4 + widths.reduce((a, b) => a + b, 0));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, signature, true);
  let at = 4;
  widths.forEach((w, i) => {
    if (w === 2) view.setUint16(at, values[i], true);
    else view.setUint32(at, values[i], true);
    at += w;
  });
  return bytes;
}

function concat(arrays) {
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}
