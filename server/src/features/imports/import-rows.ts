import type { TCustomField } from '@guanxi/common/fields';
import { ruleMessage, type Locale } from '@guanxi/common/i18n';
import type { TImportMapping } from '@guanxi/common/imports';
import type { RuleDetail } from '../../lib/errors';
import { cellText, type Cell } from './import-files';

/** A row's problem in both languages (the report is written in the language of whoever downloads it). */
export type Reason = { field: string; rule: string; column: number | null; zh: string; en: string };

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Text as people type it: full-width letters, digits and punctuation folded, runs of spaces (also ideographic and no-break) collapsed. */
export const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
const tidy = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();

/** A date as YYYY-MM-DD (+ time) from a date cell, an Excel serial number or common Chinese/ISO text. */
export function parseDate(c: Cell): { date: string; time: string | null } | null {
  let y: number, m: number, d: number, hh = 0, mm = 0, ss = 0, hasTime = false;
  if (c instanceof Date) {
    y = c.getUTCFullYear(); m = c.getUTCMonth() + 1; d = c.getUTCDate();
    hh = c.getUTCHours(); mm = c.getUTCMinutes(); ss = c.getUTCSeconds();
    hasTime = hh + mm + ss > 0;
  } else {
    const text = typeof c === 'number' ? String(c) : fold(cellText(c));
    if (!text) return null;
    if (/^\d{1,6}(\.\d+)?$/.test(text) && Number(text) > 0 && Number(text) < 2958466 && !/^\d{8}$/.test(text)) {
      const n = Number(text);
      const ms = EXCEL_EPOCH + Math.round(n * 86400) * 1000;
      const dt = new Date(ms);
      return parseDate(dt);
    }
    const match = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))(?:[ T]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2}))?秒?)?$/.exec(text);
    if (!match) return null;
    y = Number(match[1]); m = Number(match[2] ?? match[4]); d = Number(match[3] ?? match[5]);
    if (match[6] !== undefined) {
      hasTime = true;
      hh = Number(match[6]); mm = Number(match[7]); ss = Number(match[8] ?? 0);
    }
  }
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d || y < 1900 || hh > 23 || mm > 59 || ss > 59) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return { date: `${y}-${p(m)}-${p(d)}`, time: hasTime ? `${p(hh)}:${p(mm)}:${p(ss)}` : null };
}

/** A number from a number cell or text such as "１２，３４５.６", "¥12,345", "12 345 元". */
export function parseNumber(c: Cell): number | null {
  if (typeof c === 'number') return c;
  const text = fold(cellText(c)).replace(/[,\s¥$元]/g, '');
  if (!text || !/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** A phone number whether typed as text or stored as a number (13812345678, 1.3812345678E10, "13812345678.0"). */
export function phoneText(c: Cell): string {
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  const t = fold(cellText(c));
  if (/^\d+(\.\d+)?e\+?\d+$/i.test(t)) {
    const n = Number(t);
    if (Number.isInteger(n)) return n.toFixed(0);
  }
  return t.replace(/\.0+$/, '');
}

const ENUMS: Record<string, Record<string, string>> = {
  type: { 企业: 'enterprise', 公司: 'enterprise', 企业客户: 'enterprise', 单位: 'enterprise', 个人: 'individual', 个人客户: 'individual', enterprise: 'enterprise', company: 'enterprise', business: 'enterprise', individual: 'individual', person: 'individual', personal: 'individual' },
  status: { 潜在: 'potential', 潜在客户: 'potential', 意向: 'intent', 意向客户: 'intent', 成交: 'won', 成交客户: 'won', 已成交: 'won', 流失: 'churned', 流失客户: 'churned', 已流失: 'churned', potential: 'potential', intent: 'intent', interested: 'intent', won: 'won', churned: 'churned', lost: 'churned' },
  valueTier: { a: 'A', b: 'B', c: 'C', a类: 'A', b类: 'B', c类: 'C', 重要: 'A', 普通: 'B', 一般: 'C' },
  riskLevel: { 高: 'high', 中: 'medium', 低: 'low', 高风险: 'high', 中风险: 'medium', 低风险: 'low', high: 'high', medium: 'medium', low: 'low' },
};

const BOOLEAN: Record<string, boolean> = { 是: true, 否: false, 有: true, 无: false, y: true, n: false, yes: true, no: false, true: true, false: false, '1': true, '0': false, '√': true, '×': false, 对: true };

/** 是/否, yes/no, 1/0, √/× … as a boolean; null when the cell says neither. */
export function parseBoolean(c: Cell): boolean | null {
  return BOOLEAN[fold(cellText(c)).toLowerCase()] ?? null;
}

const SPLIT = /[,，;；、|\n]+/;

function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let o = obj;
  for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
  o[parts[parts.length - 1]!] = value;
}

/** The non-blank cells of a row by the field their column maps to; `defaults` fill fields the file does not have. */
export function mappedCells(cells: Cell[], mapping: TImportMapping, defaults: Record<string, string>): Map<string, Cell> {
  const fields = new Map<string, Cell>();
  for (const [col, field] of Object.entries(mapping)) {
    if (!field) continue;
    const cell = cells[Number(col)] ?? null;
    if (cellText(cell).trim() !== '') fields.set(field, cell);
  }
  for (const [field, value] of Object.entries(defaults)) if (!fields.has(field) && value.trim()) fields.set(field, value);
  return fields;
}

/**
 * One file row as a create-customer request: each mapped cell converted the way people fill spreadsheets (dates
 * in Chinese formats or as Excel serials, numbers as text, mobiles as numbers, full-width characters, stray
 * spaces, enum labels in zh/en), then `defaults` for fields the file does not fill. Cells that cannot be read
 * are problems (field + rule); the request is checked with the form's rules afterwards.
 */
export function rowToInput(cells: Cell[], mapping: TImportMapping, defaults: Record<string, string>, customDefs: TCustomField[]) {
  const raw: Record<string, unknown> = { contact: {} };
  const present = new Set<string>();
  const errors: RuleDetail[] = [];
  const defs = new Map(customDefs.map((d) => [d.key, d]));
  const fields = mappedCells(cells, mapping, defaults);

  for (const [field, cell] of fields) {
    present.add(field);
    const bad = (rule: string, params?: Record<string, string | number>) => errors.push({ field, rule, ...(params ? { params } : {}) });
    if (field === 'contact.mobile' || field === 'contact.landline') {
      setPath(raw, field, phoneText(cell));
    } else if (field === 'contact.email') {
      setPath(raw, field, fold(cellText(cell)).replace(/\s/g, ''));
    } else if (field in ENUMS) {
      const t = fold(cellText(cell));
      setPath(raw, field, ENUMS[field]![t.toLowerCase()] ?? ENUMS[field]![t] ?? t);
    } else if (field === 'tags') {
      raw.tags = cellText(cell).split(SPLIT).map(tidy).filter(Boolean);
    } else if (field === 'firstContactAt') {
      const d = parseDate(cell);
      if (!d) bad('date');
      else raw.firstContactAt = `${d.date}T${d.time ?? '00:00:00'}+08:00`;
    } else if (['purchaseFrequency', 'avgOrderValue', 'staffCount', 'annualRevenue'].includes(field)) {
      const n = parseNumber(cell);
      if (n === null) bad('number');
      else raw[field] = n;
    } else if (field.startsWith('custom.')) {
      const def = defs.get(field.slice(7));
      const custom = (raw.custom ??= {}) as Record<string, unknown>;
      if (!def) continue;
      const t = fold(cellText(cell));
      switch (def.type) {
        case 'number':
        case 'money': {
          const n = parseNumber(cell);
          if (n === null) bad('number', { label: def.labelZh });
          else custom[def.key] = n;
          break;
        }
        case 'date': {
          const d = parseDate(cell);
          if (!d) bad('date');
          else custom[def.key] = d.date;
          break;
        }
        case 'boolean':
          if (BOOLEAN[t.toLowerCase()] === undefined) bad('boolean');
          else custom[def.key] = BOOLEAN[t.toLowerCase()];
          break;
        case 'select': {
          const o = def.options.find((x) => x.value === t || x.labelZh === t || x.labelEn?.toLowerCase() === t.toLowerCase());
          custom[def.key] = o?.value ?? t;
          break;
        }
        case 'multiselect':
          custom[def.key] = t.split(SPLIT).map((v) => v.trim()).filter(Boolean)
            .map((v) => def.options.find((x) => x.value === v || x.labelZh === v || x.labelEn?.toLowerCase() === v.toLowerCase())?.value ?? v);
          break;
        default:
          custom[def.key] = tidy(cellText(cell));
      }
    } else if (['industry', 'source', 'size', 'contact.role'].includes(field)) {
      setPath(raw, field, fold(cellText(cell)));
    } else {
      setPath(raw, field, tidy(cellText(cell)));
    }
  }
  return { raw, present, errors };
}

/** Rule details as reasons in both languages, with the column each one points at. */
export function reasonsOf(errors: RuleDetail[], mapping: TImportMapping, customDefs: TCustomField[]): Reason[] {
  const columnOf = new Map(Object.entries(mapping).map(([col, f]) => [f, Number(col)]));
  const seen = new Set<string>();
  const out: Reason[] = [];
  for (const e of errors) {
    const key = `${e.field}:${e.rule}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const def = e.field.startsWith('custom.') ? customDefs.find((d) => d.key === e.field.split('.')[1]) : undefined;
    const msg = (locale: Locale) => ruleMessage(locale, e.rule, e.field, {
      ...e.params, ...(def ? { label: locale === 'en' ? def.labelEn : def.labelZh } : {}),
    });
    out.push({ field: e.field, rule: e.rule, column: columnOf.get(e.field) ?? null, zh: msg('zh-CN'), en: msg('en') });
  }
  return out;
}
