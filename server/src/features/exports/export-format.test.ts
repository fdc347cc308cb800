import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { localTime, sheetWriter } from './export-format';

// What localTime answered before its fast path: the instant in China time (UTC+8), to the minute.
const reference = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('export format', () => {
  it('writes instants as China local time, the same with or without a change of day', () => {
    expect(localTime(null)).toBeNull();
    expect(localTime('2026-11-23T02:05:59.999Z')).toBe('2026-11-23 10:05');
    expect(localTime('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00');
    expect(localTime('2028-02-28T23:59:00.000Z')).toBe('2028-02-29 07:59');
    expect(localTime('2026-11-23T02:05:00+08:00')).toBe(reference('2026-11-23T02:05:00+08:00'));
    for (let i = 0; i < 5000; i++) {
      const iso = new Date(Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 40 * 365 * 86_400_000)).toISOString();
      expect(localTime(iso)).toBe(reference(iso));
    }
  });

  it('csv: BOM, one CRLF line per row, quoting and formula guard; rows reach the output at drained()', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const w = sheetWriter('csv', out, 'x');
    w.row(['名称', '金额', '备注']);
    w.row(['华星, "科技"', -12.5, null]);
    w.row(['=SUM(A1)', 0, '-1']);
    w.row(['多行\n文本', 3, '@x']);
    await w.drained();
    expect(Buffer.concat(chunks).toString('utf8')).toContain('名称,金额,备注\r\n');
    await w.end();
    expect(Buffer.concat(chunks).toString('utf8')).toBe(
      '\ufeff名称,金额,备注\r\n"华星, ""科技""",-12.5,\r\n\'=SUM(A1),0,\'-1\r\n"多行\n文本",3,\'@x\r\n',
    );
  });
});
