import { parse as parseCsv } from 'csv-parse';
import iconv from 'iconv-lite';
import type { Readable } from 'node:stream';
import { AppError } from '../../lib/errors';
import { readXlsxRows } from './xlsx-reader';

/** A cell as read: text, a number, a date (xlsx date cells), a boolean, or nothing. */
export type Cell = string | number | boolean | Date | null;
export type FileRow = { rowNo: number; cells: Cell[] };
export type FileFormat = { format: 'xlsx' | 'csv'; encoding: string | null; delimiter: string | null };
/** Opens the stored upload from its first byte (called once per pass: sniffing, counting, reading). */
export type OpenFile = () => Promise<Readable>;

const SAMPLE_BYTES = 64 * 1024;

async function head(open: OpenFile, bytes = SAMPLE_BYTES): Promise<Buffer> {
  const stream = await open();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= bytes) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

/** True when the bytes are valid UTF-8, ignoring a character cut off at the end of the sample. */
function isUtf8(sample: Buffer, complete: boolean): boolean {
  let end = sample.length;
  if (!complete) {
    // Step back over a trailing, possibly incomplete multi-byte sequence.
    let i = end - 1;
    while (i >= 0 && end - i <= 4 && (sample[i]! & 0xc0) === 0x80) i--;
    if (i >= 0 && sample[i]! >= 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Comma, semicolon or tab: the one that splits the first lines into the most, and the same number of, columns. */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  let best = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t']) {
    const counts = lines.map((line) => {
      let n = 0;
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === d && !quoted) n++;
      }
      return n;
    });
    if (counts.length === 0 || Math.max(...counts) === 0) continue;
    const common = counts.filter((c) => c === counts[0]).length;
    const score = common * 1000 + Math.max(...counts);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/**
 * What the upload is: xlsx (a zip), or delimited text in UTF-8 (with or without BOM), UTF-16 with BOM, or else
 * GB18030 (a superset of GBK, what Excel and WPS write as "CSV" on Chinese Windows). Binary .xls (BIFF) and
 * HTML tables saved as .xls are refused with a message asking for xlsx or csv; an ".xls" that is really
 * tab-separated text (what several office suites export) is read as text.
 */
export async function sniffFile(open: OpenFile): Promise<FileFormat> {
  const sample = await head(open);
  if (sample.length === 0) throw AppError.invalid('file', 'file_empty');
  if (sample[0] === 0x50 && sample[1] === 0x4b) return { format: 'xlsx', encoding: null, delimiter: null };
  if (sample.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw AppError.invalid('file', 'xls_binary');
  let encoding = 'gb18030';
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) encoding = 'utf8';
  else if (sample[0] === 0xff && sample[1] === 0xfe) encoding = 'utf16le';
  else if (isUtf8(sample, sample.length < SAMPLE_BYTES)) encoding = 'utf8';
  const text = iconv.decode(sample, encoding);
  if (/^\s*<(!doctype|html|table|\?xml)/i.test(text)) throw AppError.invalid('file', 'xls_binary');
  return { format: 'csv', encoding, delimiter: sniffDelimiter(text) };
}

async function* csvRows(open: OpenFile, f: FileFormat): AsyncGenerator<FileRow> {
  const input = await open();
  const text = f.encoding && f.encoding !== 'utf8' ? input.pipe(iconv.decodeStream(f.encoding)) : input;
  const parser = text.pipe(parseCsv({
    delimiter: f.delimiter ?? ',', bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true,
  }));
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { rowNo: rec.info.lines, cells: rec.record };
    }
  } finally {
    input.destroy();
  }
}

/** Every row of the file in order (blank ones included), streamed: memory does not grow with the file. */
export function readRows(open: OpenFile, f: FileFormat): AsyncGenerator<FileRow> {
  // xlsx: the first worksheet, read by our own streaming reader (xlsx-reader.ts).
  return f.format === 'xlsx' ? readXlsxRows(open) : csvRows(open, f);
}

export const cellText = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, c.getUTCHours() || c.getUTCMinutes() ? 16 : 10).replace('T', ' ');
  return String(c);
};

export const isBlankRow = (cells: Cell[]) => cells.every((c) => cellText(c).trim() === '');
