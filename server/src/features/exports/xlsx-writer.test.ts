import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { xlsxWriter } from './xlsx-writer';

describe('streaming xlsx writer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guanxi-xlsx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a sheet Excel readers open: bold header, Chinese, numbers, booleans, empty cells, escaped and stripped text', async () => {
    const path = join(dir, 'a.xlsx');
    const w = xlsxWriter(createWriteStream(path), '客户/导出:1', { boldFirstRow: true });
    const wide = Array.from({ length: 30 }, (_, i) => `列${i + 1}`);
    w.row(['客户名称', '金额', '已成交', '备注', ...wide]);
    w.row(['华星科技 <有限> & "公司"', 1234.5, true, null, ...wide.map((_, i) => i)]);
    w.row(['=SUM(A1)', 0, false, '  前后空格  ', ...wide.map(() => '')]);
    w.row(['控制\u0001字符\u0008', -7, null, 'emoji 🚀', ...wide.map(() => null)]);
    await w.drained();
    await w.end();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('客户 导出 1');
    expect(ws.getRow(1).getCell(1).value).toBe('客户名称');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.getRow(2).getCell(2).font?.bold).not.toBe(true);
    expect(ws.getRow(2).values).toEqual([undefined, '华星科技 <有限> & "公司"', 1234.5, true, undefined, ...wide.map((_, i) => i)]);
    expect(ws.getRow(1).getCell(34).value).toBe('列30'); // column AH
    expect(ws.getRow(3).getCell(1).value).toBe('=SUM(A1)'); // text, never a formula
    expect(ws.getRow(3).getCell(3).value).toBe(false);
    expect(ws.getRow(3).getCell(4).value).toBe('  前后空格  ');
    expect(ws.getRow(4).getCell(1).value).toBe('控制字符');
    expect(ws.getRow(4).getCell(4).value).toBe('emoji 🚀');
    expect(ws.rowCount).toBe(4);
  });
});
