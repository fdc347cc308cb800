import type { TContact } from '@guanxi/common/contacts';
import type { TCustomer } from '@guanxi/common/customers';
import type { DictionaryType } from '@guanxi/common/dictionaries';
import type { TCustomField } from '@guanxi/common/fields';
import { fieldLabel, type Locale } from '@guanxi/common/i18n';
import { CUSTOMER_VIEW_COLUMNS } from '@guanxi/common/views';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { DictionaryLookup } from '../dictionaries/dictionaries.service';
import { xlsxWriter } from './xlsx-writer';

type Value = string | number | null;
export type Column<T> = { key: string; label: string; value: (r: T) => Value };

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });
/** Labels the validation catalogue does not carry. Chosen so an exported file imports again (they are import synonyms). */
const LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  number: L('客户编号', 'Customer number'), name: L('客户名称', 'Customer name'), ownerName: L('负责人', 'Owner'),
  status: L('客户状态', 'Status'), address: L('详细地址', 'Address'), preferences: L('偏好', 'Preferences'),
  lastFollowUpAt: L('最近跟进时间', 'Last follow-up'), wonAt: L('成交时间', 'Won at'), completeness: L('资料完整度', 'Completeness'),
  poolDaysLeft: L('距退回公海天数', 'Days until returned to pool'), createdAt: L('创建时间', 'Created at'), updatedAt: L('更新时间', 'Updated at'),
  'primaryContact.name': L('联系人', 'Contact'), 'primaryContact.mobile': L('手机', 'Mobile'), 'primaryContact.email': L('邮箱', 'Email'),
  customerName: L('客户名称', 'Customer name'), contactName: L('姓名', 'Name'), isPrimary: L('主联系人', 'Primary contact'),
};
const ENUM_LABELS: Record<string, Record<string, { 'zh-CN': string; en: string }>> = {
  type: { enterprise: L('企业', 'Enterprise'), individual: L('个人', 'Individual') },
  riskLevel: { high: L('高', 'High'), medium: L('中', 'Medium'), low: L('低', 'Low') },
  gender: { male: L('男', 'Male'), female: L('女', 'Female'), unknown: L('未知', 'Unknown') },
};

const label = (key: string, locale: Locale) => LABELS[key]?.[locale] ?? fieldLabel(locale, key);

/** An instant as China local time, "2026-11-23 10:00". */
export function localTime(iso: string | null): string | null {
  if (!iso) return null;
  // China is UTC+8 all year: from "2026-11-23T02:05:00.000Z" only the hour moves, unless the day does too.
  if (iso.length === 24 && iso.charCodeAt(10) === 84 && iso.charCodeAt(23) === 90) { // T … Z
    const h = (iso.charCodeAt(11) - 48) * 10 + (iso.charCodeAt(12) - 48) + 8;
    if (h >= 8 && h < 24) return `${iso.slice(0, 10)} ${h < 10 ? '0' : ''}${h}${iso.slice(13, 16)}`;
  }
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The columns of a customers export, in the list's order (`keys`; default: all), dictionary codes as labels. */
export function customerColumns(keys: string[] | undefined, defs: TCustomField[], dict: DictionaryLookup, locale: Locale): Column<TCustomer>[] {
  // dict.find scans every entry; an export asks for the same few codes on every row, so answers are remembered
  // (up to a bound, in case a column holds free text).
  const dictLabels = new Map<string, string>();
  const dictLabel = (type: DictionaryType, code: string | null) => {
    if (!code) return null;
    const k = `${type}\u0000${code}`;
    let v = dictLabels.get(k);
    if (v === undefined) {
      const e = dict.find(type, code);
      v = e ? (locale === 'en' ? e.labelEn : e.labelZh) : code;
      if (dictLabels.size < 10_000) dictLabels.set(k, v);
    }
    return v;
  };
  const enumLabel = (k: string, v: string | null) => (v ? ENUM_LABELS[k]?.[v]?.[locale] ?? v : null);
  const one = (key: string): Column<TCustomer>[] => {
    const col = (value: (r: TCustomer) => Value, k = key): Column<TCustomer> => ({ key: k, label: label(k, locale), value });
    switch (key) {
      case 'industry': return [col((r) => dictLabel('industry', r.industry))];
      case 'source': return [col((r) => dictLabel('source', r.source))];
      case 'size': return [col((r) => dictLabel('size', r.size))];
      case 'status': return [col((r) => dictLabel('status', r.status))];
      case 'type': case 'riskLevel': case 'gender': return [col((r) => enumLabel(key, r[key] as string | null))];
      case 'address': return [
        col((r) => r.address.province, 'province'), col((r) => r.address.city, 'city'), col((r) => r.address.district, 'district'), col((r) => r.address.street, 'address'),
      ];
      case 'tags': return [col((r) => r.tags.join('、'))];
      case 'preferences': return [col((r) => r.preferences.product, 'product'), col((r) => r.preferences.communication, 'communication')];
      case 'primaryContact': return [
        col((r) => r.primaryContact?.name ?? null, 'primaryContact.name'), col((r) => r.primaryContact?.mobile ?? null, 'primaryContact.mobile'),
        col((r) => r.primaryContact?.email ?? null, 'primaryContact.email'),
      ];
      case 'firstContactAt': case 'lastFollowUpAt': case 'wonAt': case 'createdAt': case 'updatedAt':
        return [col((r) => localTime(r[key]))];
      default: {
        if (key.startsWith('custom.')) {
          const def = defs.find((d) => d.key === key.slice(7));
          if (!def) return [];
          return [{ key, label: locale === 'en' ? def.labelEn : def.labelZh, value: (r) => {
            const v = r.custom[def.key];
            if (v === null || v === undefined) return null;
            if (Array.isArray(v)) return v.join('、');
            if (typeof v === 'boolean') return v ? (locale === 'en' ? 'Yes' : '是') : (locale === 'en' ? 'No' : '否');
            return typeof v === 'number' ? v : String(v);
          } }];
        }
        if (!(CUSTOMER_VIEW_COLUMNS as readonly string[]).includes(key)) return [];
        return [col((r) => {
          const v = (r as Record<string, unknown>)[key];
          return v === null || v === undefined ? null : typeof v === 'number' ? v : String(v);
        })];
      }
    }
  };
  const chosen = keys?.length ? keys : ['number', 'name', 'primaryContact', ...CUSTOMER_VIEW_COLUMNS.filter((k) => !['number', 'name', 'primaryContact'].includes(k)), ...defs.map((d) => `custom.${d.key}`)];
  // The contact's name and mobile travel with the customer's name, so the file can be imported again.
  const withName = chosen.includes('name') && !chosen.includes('primaryContact') ? [...chosen, 'primaryContact'] : chosen;
  return withName.flatMap(one);
}

export function contactColumns(dict: DictionaryLookup, locale: Locale): Column<TContact>[] {
  const c = (key: string, value: (r: TContact) => Value, lbl = key): Column<TContact> => ({ key, label: label(lbl, locale), value });
  return [
    c('customerName', (r) => r.customerName), c('name', (r) => r.name, 'contactName'), c('title', (r) => r.title), c('mobile', (r) => r.mobile),
    c('landline', (r) => r.landline), c('email', (r) => r.email),
    c('role', (r) => (r.role ? ((e) => (e ? (locale === 'en' ? e.labelEn : e.labelZh) : r.role))(dict.find('contact_role', r.role)) : null)),
    c('preferredChannel', (r) => r.preferredChannel), c('notes', (r) => r.notes), c('birthday', (r) => r.birthday),
    c('isPrimary', (r) => (r.isPrimary ? (locale === 'en' ? 'Yes' : '是') : (locale === 'en' ? 'No' : '否'))),
    c('createdAt', (r) => localTime(r.createdAt)),
  ];
}

/**
 * A spreadsheet writer: rows in, bytes out to `out`, nothing kept beyond the rows since the last `drained()`
 * (xlsx without shared strings; csv with a BOM). Rows are collected and written as one chunk by `drained()`:
 * a stream write per row cost more than formatting the row. `row` reads its values at once and keeps no reference
 * to the array (the caller reuses it).
 */
export type SheetWriter = { row(values: Value[]): void; /** Writes the rows so far and waits while the output is behind. */ drained(): Promise<void>; end(): Promise<void> };

const CSV_QUOTE = /[",\r\n]/;
const csvCell = (v: Value): string => {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  let s = v;
  // Cells that a spreadsheet would run as a formula are written as text.
  const first = s.charCodeAt(0);
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13) s = `'${s}`; // = + - @ \t \r
  return CSV_QUOTE.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function sheetWriter(format: 'xlsx' | 'csv', out: Writable, sheetName: string): SheetWriter {
  if (format === 'csv') {
    let pending = '\ufeff';
    const flush = () => {
      if (pending) out.write(pending);
      pending = '';
    };
    return {
      row: (values) => {
        let line = values.length ? csvCell(values[0]!) : '';
        for (let i = 1; i < values.length; i++) line += `,${csvCell(values[i]!)}`;
        pending += `${line}\r\n`;
      },
      drained: async () => {
        flush();
        if (out.writableNeedDrain) await once(out, 'drain');
      },
      end: () => {
        flush();
        return new Promise<void>((resolve) => out.end(resolve));
      },
    };
  }
  return xlsxWriter(out, sheetName, { boldFirstRow: true });
}
