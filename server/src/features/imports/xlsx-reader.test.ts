import ExcelJS from 'exceljs';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { elementsOf, isDateFormat, readXlsxRows, xmlText, type XlsxRow } from './xlsx-reader';

// The streaming xlsx reader of imports (no database involved). Files are written with exceljs, as Excel, WPS and
// LibreOffice files are read by the import; the fixture of the e2e tests is a LibreOffice file.

const dir = mkdtempSync(join(tmpdir(), 'guanxi-xlsx-'));
const openFile = (file: string) => async () => createReadStream(file, { highWaterMark: 4096 });

async function rowsOf(file: string): Promise<XlsxRow[]> {
  const out: XlsxRow[] = [];
  for await (const r of readXlsxRows(openFile(file))) out.push(r);
  return out;
}

/** Rows as exceljs's streaming reader gave them to the import before (its cell values flattened the same way). */
async function exceljsRows(file: string): Promise<XlsxRow[]> {
  const flat = (v: ExcelJS.CellValue): XlsxRow['cells'][number] => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return flat(v.result as ExcelJS.CellValue);
    if ('error' in v) return null;
    return String(v as unknown);
  };
  const out: XlsxRow[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  for await (const sheet of reader) {
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[];
      const cells = [];
      for (let i = 1; i < values.length; i++) cells.push(flat(values[i]));
      out.push({ rowNo: row.number, cells });
    }
    break;
  }
  return out;
}

describe('readXlsxRows', () => {
  it('reads shared strings, rich text, numbers, dates, booleans, formula results and sparse cells of the first sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    wb.addWorksheet('其他').addRow(['not this sheet']);
    ws.addRow(['客户名称', '成立日期', '人数', '是否合作', '合计', '备注']);
    ws.addRow(['杭州<华星>&"科技"有限公司', new Date(Date.UTC(2024, 4, 20)), 120, true, { formula: 'C2*2', result: 240 }, { richText: [{ text: '重点', font: { bold: true } }, { text: '客户' }] }]);
    ws.getCell('B2').numFmt = 'yyyy"年"m"月"d"日"';
    ws.addRow([]);
    ws.getCell('A4').value = '只有首列';
    ws.getCell('F4').value = { formula: 'A1', result: '客户名称' };
    ws.getCell('C5').value = { error: '#N/A' };
    ws.getCell('D5').value = 0.5;
    const file = join(dir, 'values.xlsx');
    await wb.xlsx.writeFile(file);

    const rows = await rowsOf(file);
    expect(rows).toEqual([
      { rowNo: 1, cells: ['客户名称', '成立日期', '人数', '是否合作', '合计', '备注'] },
      { rowNo: 2, cells: ['杭州<华星>&"科技"有限公司', new Date(Date.UTC(2024, 4, 20)), 120, true, 240, '重点客户'] },
      { rowNo: 4, cells: ['只有首列', null, null, null, null, '客户名称'] },
      { rowNo: 5, cells: [null, null, null, 0.5] },
    ]);
    expect(rows).toEqual(await exceljsRows(file));
  });

  it('reads inline strings (streaming writers) and 1904-based dates', async () => {
    const file = join(dir, 'inline.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['名称', '日期']).commit();
    const row = ws.addRow(['成都 新材料 有限公司', new Date(Date.UTC(2023, 0, 31, 12, 30))]);
    row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
    row.commit();
    await wb.commit();
    expect(await rowsOf(file)).toEqual([
      { rowNo: 1, cells: ['名称', '日期'] },
      { rowNo: 2, cells: ['成都 新材料 有限公司', new Date(Date.UTC(2023, 0, 31, 12, 30))] },
    ]);

    const wb1904 = new ExcelJS.Workbook();
    wb1904.properties.date1904 = true;
    const ws1904 = wb1904.addWorksheet('S');
    ws1904.addRow([new Date(Date.UTC(2020, 1, 29))]);
    ws1904.getCell('A1').numFmt = 'yyyy-mm-dd';
    const file1904 = join(dir, '1904.xlsx');
    await wb1904.xlsx.writeFile(file1904);
    expect(await rowsOf(file1904)).toEqual([{ rowNo: 1, cells: [new Date(Date.UTC(2020, 1, 29))] }]);
  });

  it('keeps multi-byte text whole across chunk boundaries in a large sheet', async () => {
    const file = join(dir, 'large.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const ws = wb.addWorksheet('客户');
    const expected: XlsxRow[] = [];
    for (let i = 1; i <= 20000; i++) {
      const cells = [`武汉导入${i}号信息技术有限公司`, `联系人${i % 97}`, 13800000000 + i];
      ws.addRow(cells).commit();
      expected.push({ rowNo: i, cells });
    }
    await wb.commit();
    expect(await rowsOf(file)).toEqual(expected);
  });

  it('reads the LibreOffice fixture of the e2e tests as the exceljs streaming reader did', async () => {
    const file = join(import.meta.dirname, '../../../../e2e/fixtures/files/trade-show-customers.libreoffice.xlsx');
    const rows = await rowsOf(file);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows).toEqual(await exceljsRows(file));
  });

  it('refuses what is not an xlsx zip', async () => {
    const file = join(dir, 'broken.xlsx');
    writeFileSync(file, Buffer.from('PK\u0003\u0004 this is not really a zip file'));
    await expect(rowsOf(file)).rejects.toThrow();
  });
});

describe('xlsx-reader helpers', () => {
  it('finds whole elements across chunks, with or without a namespace prefix', async () => {
    const xml = '<sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><row r="2"/><rowBreaks/><row r="3">é</row></sheetData>';
    const chunks = Array.from({ length: Math.ceil(xml.length / 7) }, (_, i) => xml.slice(i * 7, i * 7 + 7));
    const found: string[] = [];
    for await (const e of elementsOf(Readable.from(chunks), 'row')) found.push(e);
    expect(found).toEqual(['<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>', '<row r="2"/>', '<row r="3">é</row>']);
  });

  it('resolves entities and tells date formats', () => {
    expect(xmlText('a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#20013;&#x6587;')).toBe('a <b> & "c" \'d\' 中文');
    expect(isDateFormat('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormat('[$-F800]dddd, mmmm dd, yyyy')).toBe(true);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(isDateFormat('0.00"天"')).toBe(false);
  });
});
