import { ERROR_REPORT_COLUMNS, IMPORT_FIELDS, type ImportType, type TImportMapping } from '@guanxi/common/imports';
import type { TCustomField } from '@guanxi/common/fields';
import { cellText, isBlankRow, type FileRow } from './import-files';

/** A header as compared: full-width → half-width, no spaces or marks such as "*" and "(必填)", lower case. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[(（[【][^)）\]】]*(必填|选填|可选|required|optional)[^)）\]】]*[)）\]】]/gi, '')
    .replace(/[\s*＊:：_\-./\\·'"“”‘’]/g, '')
    .toLowerCase();
}

/** Normalised header → field, from the type's synonym table and the tenant's custom-field labels. */
export function headerIndex(customDefs: TCustomField[], type: ImportType = 'customers'): Map<string, string | null> {
  const index = new Map<string, string | null>();
  for (const [field, synonyms] of Object.entries(IMPORT_FIELDS[type])) {
    for (const s of synonyms) if (!index.has(normalizeHeader(s))) index.set(normalizeHeader(s), field);
    index.set(normalizeHeader(field), field);
  }
  for (const d of customDefs.filter((x) => x.active)) {
    for (const label of [d.labelZh, d.labelEn, d.key]) {
      const k = normalizeHeader(label);
      if (k && !index.has(k)) index.set(k, `custom.${d.key}`);
    }
  }
  // The columns an error report adds map to nothing.
  for (const c of Object.values(ERROR_REPORT_COLUMNS)) for (const l of Object.values(c)) index.set(normalizeHeader(l), null);
  return index;
}

export const HEADER_SCAN_ROWS = 20;

/**
 * Finds the header row among the first rows: the one whose cells name the most known fields (title rows, notes
 * and blank rows above it are skipped). Two-row headers from merged cells are combined: a blank header cell takes
 * the text of the merged cell above it, and a parent such as "联系人" over "手机" gives "联系人手机" when that is a
 * known header.
 */
export function detectHeader(rows: FileRow[], index: Map<string, string | null>): { rowNo: number; headers: string[] } | null {
  const candidates = rows.filter((r) => !isBlankRow(r.cells)).slice(0, HEADER_SCAN_ROWS);
  if (candidates.length === 0) return null;
  const score = (r: FileRow) => r.cells.filter((c) => index.get(normalizeHeader(cellText(c))) !== undefined && cellText(c).trim() !== '').length;
  let best = candidates.find((r) => r.cells.filter((c) => cellText(c).trim() !== '').length >= 2) ?? candidates[0]!;
  let bestScore = score(best);
  for (const r of candidates) {
    const s = score(r);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  let at = candidates.indexOf(best);
  // A second header row under it (merged parent cells above, e.g. "联系人" over "姓名 | 手机") is the real one.
  const next = candidates[at + 1];
  const filled = (r: FileRow) => r.cells.filter((c) => cellText(c).trim() !== '').length;
  if (next && next.rowNo === best.rowNo + 1 && score(next) >= 1 && score(next) * 2 >= filled(next)) {
    best = next;
    at += 1;
  }
  const above = at > 0 ? candidates[at - 1]! : null;
  const own = best.cells.map((c) => cellText(c).replace(/\s+/g, ' ').trim());
  let headers = own;
  if (above && above.rowNo === best.rowNo - 1 && above.cells.filter((c) => cellText(c).trim() !== '').length >= 2) {
    // Fill merged parent cells to the right (a merged cell keeps its text in its first cell only).
    const parents: string[] = [];
    let last = '';
    for (let i = 0; i < Math.max(own.length, above.cells.length); i++) {
      const p = cellText(above.cells[i]).trim();
      if (p) last = p;
      parents.push(p || (own[i] ? last : ''));
    }
    headers = parents.map((p, i) => {
      const o = own[i] ?? '';
      if (!o) return cellText(above.cells[i]).trim();
      if (p && index.get(normalizeHeader(p + o))) return p + o;
      return o;
    });
  }
  return { rowNo: best.rowNo, headers };
}

/** The automatic mapping: the tenant's remembered choice for a header first, then synonyms; each field once. */
export function autoMapping(headers: string[], index: Map<string, string | null>, remembered: Map<string, string>): TImportMapping {
  const mapping: TImportMapping = {};
  const used = new Set<string>();
  headers.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (!key) return;
    const field = remembered.get(key) ?? index.get(key);
    if (field && !used.has(field)) {
      mapping[String(i)] = field;
      used.add(field);
    }
  });
  return mapping;
}
