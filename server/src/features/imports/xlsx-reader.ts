import type { Readable } from 'node:stream';
import { Readable as NodeReadable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';

/**
 * A streaming reader of the first worksheet of an xlsx file: the zip's central directory is read from the end of
 * the file, then the shared strings, styles (which cells are dates) and the sheet itself are inflated and scanned
 * entry by entry, each streamed from the file (one extra pass per entry; nothing is written to disk). Rows come one
 * at a time; only the shared strings table is held, packed into a few large strings.
 *
 * It replaces exceljs's streaming reader for imports, which built a Row and Cell model per row (styles included)
 * through a SAX parser and was the largest allocation of an import. Cell values are what exceljs gave: text,
 * numbers, booleans, dates for numbers in a date format, formula results; errors as null.
 */

/** A cell as read: text, a number, a date (numbers in a date format), a boolean, or nothing. */
export type XlsxCell = string | number | boolean | Date | null;
export type XlsxRow = { rowNo: number; cells: XlsxCell[] };
type Open = () => Promise<Readable>;

type ZipEntry = { name: string; method: number; flags: number; compressedSize: number; offset: number };

export class XlsxFormatError extends Error {}

/** The last bytes of the file are kept to find the central directory (a few KB for any xlsx). */
const TAIL_BYTES = 1024 * 1024;

/** Reads the zip's central directory: every entry's name, compression, size and where its local header is. */
async function centralDirectory(open: Open): Promise<Map<string, ZipEntry>> {
  const stream = await open();
  const chunks: Buffer[] = [];
  let kept = 0;
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      chunks.push(b);
      kept += b.length;
      size += b.length;
      while (chunks.length > 1 && kept - chunks[0]!.length >= TAIL_BYTES) kept -= chunks.shift()!.length;
    }
  } finally {
    stream.destroy();
  }
  const tail = Buffer.concat(chunks);
  const tailStart = size - tail.length;
  // End of central directory record: 22 bytes plus a comment of up to 65,535 bytes.
  let eocd = -1;
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - 22 - 65535); i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxFormatError('not a zip file');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if ((cdOffset === 0xffffffff || cdSize === 0xffffffff || count === 0xffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) {
    const at = Number(tail.readBigUInt64LE(eocd - 12)) - tailStart;
    if (at < 0 || tail.readUInt32LE(at) !== 0x06064b50) throw new XlsxFormatError('bad zip64 directory');
    count = Number(tail.readBigUInt64LE(at + 32));
    cdSize = Number(tail.readBigUInt64LE(at + 40));
    cdOffset = Number(tail.readBigUInt64LE(at + 48));
  }
  let p = cdOffset - tailStart;
  if (p < 0 || p + cdSize > tail.length) throw new XlsxFormatError('zip directory too large');
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (tail.readUInt32LE(p) !== 0x02014b50) throw new XlsxFormatError('bad zip directory');
    const flags = tail.readUInt16LE(p + 8);
    const method = tail.readUInt16LE(p + 10);
    let compressedSize = tail.readUInt32LE(p + 20);
    let uncompressed = tail.readUInt32LE(p + 24);
    const nameLen = tail.readUInt16LE(p + 28);
    const extraLen = tail.readUInt16LE(p + 30);
    const commentLen = tail.readUInt16LE(p + 32);
    let offset = tail.readUInt32LE(p + 42);
    const name = tail.toString('utf8', p + 46, p + 46 + nameLen);
    // Zip64 sizes and offset live in extra field 0x0001, in this order, for those that overflowed.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen;) {
      const id = tail.readUInt16LE(e);
      const len = tail.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressed === 0xffffffff) {
          uncompressed = Number(tail.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(tail.readBigUInt64LE(q));
          q += 8;
        }
        if (offset === 0xffffffff) offset = Number(tail.readBigUInt64LE(q));
      }
      e += 4 + len;
    }
    entries.set(name.replace(/^\/+/, ''), { name, method, flags, compressedSize, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The compressed bytes of one entry, streamed from the file (bytes before it are read and dropped). */
async function* rawEntry(open: Open, entry: ZipEntry): AsyncGenerator<Buffer> {
  const stream = await open();
  let pos = 0;
  let header: Buffer | null = null;
  let dataStart = -1;
  let left = entry.compressedSize;
  try {
    for await (const chunk of stream) {
      let b = chunk as Buffer;
      const end = pos + b.length;
      if (dataStart < 0) {
        if (end <= entry.offset) {
          pos = end;
          continue;
        }
        // The local header (30 bytes, then its own name and extra field lengths) may span chunks.
        const part = b.subarray(Math.max(0, entry.offset - pos));
        header = header ? Buffer.concat([header, part]) : part;
        pos = end;
        if (header.length < 30) continue;
        if (header.readUInt32LE(0) !== 0x04034b50) throw new XlsxFormatError('bad zip entry');
        const skip = 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
        if (header.length < skip) continue;
        dataStart = entry.offset + skip;
        b = header.subarray(skip);
        header = null;
      } else pos = end;
      if (b.length === 0) continue;
      const take = b.subarray(0, Math.min(b.length, left));
      left -= take.length;
      yield take;
      if (left <= 0) return;
    }
  } finally {
    stream.destroy();
  }
  if (left > 0) throw new XlsxFormatError('truncated zip entry');
}

/** One entry's contents as text chunks (UTF-8, deflated or stored). */
async function* entryText(open: Open, entry: ZipEntry): AsyncGenerator<string> {
  if (entry.flags & 1) throw new XlsxFormatError('encrypted xlsx');
  if (entry.method !== 0 && entry.method !== 8) throw new XlsxFormatError(`zip method ${entry.method}`);
  const source = NodeReadable.from(rawEntry(open, entry), { objectMode: false });
  const bytes = entry.method === 8 ? source.pipe(createInflateRaw({ chunkSize: 64 * 1024 })) : source;
  const decoder = new StringDecoder('utf8');
  let first = true;
  try {
    for await (const chunk of bytes) {
      let text = decoder.write(chunk as Buffer);
      if (first && text.length) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    source.destroy();
    if (bytes !== source) bytes.destroy();
  }
}

async function wholeText(open: Open, entry: ZipEntry | undefined): Promise<string> {
  if (!entry) return '';
  let s = '';
  for await (const t of entryText(open, entry)) s += t;
  return s;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every `<tag …>…</tag>` (or `<tag …/>`) element of a text stream, whole, in order; `tag` may carry a namespace
 * prefix (`<x:row>`). Elements of that name must not nest (true of `row` and `si`).
 */
export async function* elementsOf(chunks: AsyncIterable<string>, tag: string): AsyncGenerator<string> {
  const start = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${escapeRe(tag)}(?=[\\s/>])`, 'g');
  let buf = '';
  for await (const chunk of chunks) {
    buf = buf ? buf + chunk : chunk;
    let pos = 0;
    for (;;) {
      start.lastIndex = pos;
      const m = start.exec(buf);
      if (!m) {
        // Keep what could be the beginning of a start tag cut off by the chunk's end.
        const lt = buf.lastIndexOf('<');
        pos = lt >= pos && buf.length - lt < tag.length + 40 ? lt : buf.length;
        break;
      }
      const i = m.index;
      const gt = buf.indexOf('>', i);
      if (gt < 0) {
        pos = i;
        break;
      }
      if (buf.charCodeAt(gt - 1) === 47 /* / */) {
        yield buf.slice(i, gt + 1);
        pos = gt + 1;
        continue;
      }
      const close = `</${m[0].slice(1)}>`;
      const k = buf.indexOf(close, gt);
      if (k < 0) {
        pos = i;
        break;
      }
      yield buf.slice(i, k + close.length);
      pos = k + close.length;
    }
    buf = pos >= buf.length ? '' : buf.slice(pos);
  }
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and entity references resolved. */
export function xmlText(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e]!;
    const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const PHONETIC = /<(?:[\w.-]+:)?rPh[\s>][\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
const TEXT = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;

/** The text of a string item (`<si>` or an inline `<is>`): its `<t>` runs joined, phonetic guides left out. */
function stringItem(xml: string): string {
  const body = xml.indexOf('rPh') >= 0 ? xml.replace(PHONETIC, '') : xml;
  let out = '';
  TEXT.lastIndex = 0;
  for (let m = TEXT.exec(body); m; m = TEXT.exec(body)) if (m[1]) out += m[1];
  return xmlText(out);
}

/** The shared strings, packed: blocks of 4,096 strings each joined into one string, with their offsets. */
class SharedStrings {
  private blocks: Array<{ text: string; at: Int32Array }> = [];
  private parts: string[] = [];

  add(s: string) {
    this.parts.push(s);
    if (this.parts.length === 4096) this.seal();
  }

  seal() {
    if (!this.parts.length) return;
    const at = new Int32Array(this.parts.length + 1);
    for (let i = 0; i < this.parts.length; i++) at[i + 1] = at[i]! + this.parts[i]!.length;
    // Flatten the joined string now, so it does not keep the small strings alive.
    const text = this.parts.join('');
    void text.charCodeAt(0);
    this.blocks.push({ text, at });
    this.parts = [];
  }

  get(i: number): string | null {
    const block = this.blocks[i >> 12];
    if (!block || !Number.isInteger(i) || i < 0) return null;
    const j = i & 4095;
    if (j + 1 >= block.at.length) return null;
    return block.text.slice(block.at[j], block.at[j + 1]);
  }
}

async function readSharedStrings(open: Open, entry: ZipEntry | undefined): Promise<SharedStrings> {
  const strings = new SharedStrings();
  if (entry) for await (const si of elementsOf(entryText(open, entry), 'si')) strings.add(stringItem(si));
  strings.seal();
  return strings;
}

// Built-in number formats that are dates or times: 14–22, and the CJK locales' 27–36 and 50–58; 45–47 are times.
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date or time (exceljs's test): y, m, d, h, s or b outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const ATTRS = new Map<string, RegExp>();
/** An attribute's value in a start tag (entities not resolved: the names read here never have any). */
const attr = (tag: string, name: string): string | null => {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`\\s${escapeRe(name)}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  return m ? (m[1] ?? m[2] ?? '') : null;
};

/** Which cell styles (index into cellXfs) format numbers as dates. */
function dateStyles(stylesXml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:[\w.-]+:)?numFmt\s[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    custom.set(id, xmlText(attr(m[0], 'formatCode') ?? ''));
  }
  const xfs = /<(?:[\w.-]+:)?cellXfs[\s>][\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml)?.[0] ?? '';
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<(?:[\w.-]+:)?xf(?=[\s/>])[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return out;
}

/** The first worksheet in the workbook's tab order (else the first sheet file in the zip). */
function firstSheet(entries: Map<string, ZipEntry>, workbookXml: string, relsXml: string): ZipEntry | undefined {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target);
  }
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/g)) {
    const rid = attr(m[0], 'r:id') ?? /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? null;
    const target = rid ? targets.get(rid) : undefined;
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
    const entry = entries.get(path);
    if (entry && path.includes('worksheets/')) return entry;
  }
  return [...entries.entries()].find(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))?.[1];
}

/** Column number (1-based) of a cell reference such as "AB12". */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col;
}

const CELL = /<(?:[\w.-]+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const FORMULA = /<(?:[\w.-]+:)?f[\s/>]/;
const INLINE = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

/** Every row of the first worksheet, in order, streamed. */
export async function* readXlsxRows(open: Open): AsyncGenerator<XlsxRow> {
  const entries = await centralDirectory(open);
  const [workbookXml, relsXml, stylesXml] = [
    await wholeText(open, entries.get('xl/workbook.xml')), await wholeText(open, entries.get('xl/_rels/workbook.xml.rels')),
    await wholeText(open, entries.get('xl/styles.xml')),
  ];
  const sheet = firstSheet(entries, workbookXml, relsXml);
  if (!sheet) throw new XlsxFormatError('no worksheet');
  const date1904 = /<(?:[\w.-]+:)?workbookPr\s[^>]*date1904\s*=\s*["'](1|true)["']/.test(workbookXml);
  const dates = dateStyles(stylesXml);
  const strings = await readSharedStrings(open, entries.get('xl/sharedStrings.xml'));
  let lastRow = 0;
  for await (const row of elementsOf(entryText(open, sheet), 'row')) {
    const gt = row.indexOf('>');
    const r = attr(row.slice(0, gt), 'r');
    const rowNo = r ? Number(r) : lastRow + 1;
    lastRow = rowNo;
    const cells: XlsxCell[] = [];
    let col = 0;
    CELL.lastIndex = gt;
    for (let m = CELL.exec(row); m; m = CELL.exec(row)) {
      const attrs = m[1]!;
      const ref = attr(attrs, 'r');
      col = ref ? columnOf(ref) : col + 1;
      if (col < 1) continue;
      const body = m[2];
      if (!body) continue;
      const t = attr(attrs, 't');
      let value: XlsxCell = null;
      const v = VALUE.exec(body)?.[1];
      if (t === 'inlineStr') {
        const is = INLINE.exec(body)?.[1];
        value = is !== undefined ? stringItem(is) : v !== undefined ? xmlText(v) : null;
      } else if (v === undefined) {
        continue;
      } else if (FORMULA.test(body)) {
        // A formula's cached result: text for t="str", else a number (errors read as nothing).
        if (t === 'str') value = xmlText(v);
        else if (t === 'e') value = null;
        else if (t === 'b') value = v.trim() !== '0';
        else value = v.trim() === '' ? null : Number(v);
      } else if (t === 's') value = strings.get(Number(v));
      else if (t === 'str') value = xmlText(v);
      else if (t === 'b') value = v.trim() !== '0';
      else if (t === 'e') value = null;
      else if (t === 'd') {
        const d = new Date(v.trim());
        value = Number.isNaN(d.getTime()) ? xmlText(v) : d;
      } else if (v.trim() !== '') {
        const n = Number(v);
        const s = attr(attrs, 's');
        if (s !== null && dates[Number(s)] && Number.isFinite(n)) {
          value = new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86400000));
        } else value = n;
      }
      if (value === null || (typeof value === 'number' && Number.isNaN(value))) continue;
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = value;
    }
    yield { rowNo, cells };
  }
}
