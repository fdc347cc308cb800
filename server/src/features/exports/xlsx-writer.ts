import archiver from 'archiver';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';

export type Cell = string | number | boolean | null;

// Characters XML 1.0 cannot carry at all (control characters other than tab, LF, CR; lone surrogates).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const escapeXml = (s: string) =>
  s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A, B, …, Z, AA, … for a 0-based column index. */
function columnName(i: number): string {
  let n = i + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

function cellXml(v: Cell, ref: string, style: number): string {
  const s = ` r="${ref}"${style ? ` s="${style}"` : ''}`;
  if (v === null || v === '') return `<c${s}/>`;
  if (typeof v === 'number' && Number.isFinite(v)) return `<c${s}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  // Strings inline (no shared-string table to keep in memory); xml:space keeps leading/trailing spaces.
  return `<c${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(v).slice(0, 32_767))}</t></is></c>`;
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
  + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
  + '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
  + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
  + '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>';
const ROOT_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
  + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>';
const APP = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Guanxi CRM</Application></Properties>';
const WORKBOOK_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
  + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
  + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';
// Style 0: default; style 1: bold (the header row).
const STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
  + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
  + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
const workbook = (sheetName: string) => '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
  + 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
  + `<sheet name="${escapeXml(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

/**
 * A one-sheet xlsx written as a stream in constant memory: rows become inline-string XML in a zip entry that the
 * compressor pulls from, and `drained()` waits while it is behind (exceljs's streaming writer let uncompressed rows
 * pile up: 1.5 GB at 1,000,000 rows). The first row is bold when `boldFirstRow`.
 */
export function xlsxWriter(out: Writable, sheetName: string, opts: { boldFirstRow?: boolean } = {}) {
  const zip = archiver('zip', { zlib: { level: 6 } });
  const done = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    zip.once('error', reject);
  });
  zip.pipe(out);
  zip.append(CONTENT_TYPES, { name: '[Content_Types].xml' });
  zip.append(ROOT_RELS, { name: '_rels/.rels' });
  zip.append(APP, { name: 'docProps/app.xml' });
  zip.append(workbook(sheetName), { name: 'xl/workbook.xml' });
  zip.append(WORKBOOK_RELS, { name: 'xl/_rels/workbook.xml.rels' });
  zip.append(STYLES, { name: 'xl/styles.xml' });
  const sheet = new PassThrough({ highWaterMark: 1 << 20 });
  zip.append(sheet, { name: 'xl/worksheets/sheet1.xml' });
  sheet.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  let rows = 0;
  const columns: string[] = [];
  const col = (i: number) => (columns[i] ??= columnName(i));
  // Rows since the last drained(), written to the zip entry as one chunk (a write per row cost more than the XML).
  let pending = '';
  const flush = () => {
    if (pending) sheet.write(pending);
    pending = '';
  };
  return {
    row(values: Cell[]) {
      const style = rows === 0 && opts.boldFirstRow ? 1 : 0;
      rows += 1;
      let xml = `<row r="${rows}">`;
      for (let i = 0; i < values.length; i++) xml += cellXml(values[i]!, `${col(i)}${rows}`, style);
      pending += `${xml}</row>`;
    },
    /** Writes the rows so far; resolves once the compressor has caught up (call it every few thousand rows). */
    async drained() {
      flush();
      if (sheet.writableNeedDrain) await once(sheet, 'drain');
    },
    async end() {
      flush();
      sheet.end('</sheetData></worksheet>');
      await zip.finalize();
      await done;
    },
  };
}
