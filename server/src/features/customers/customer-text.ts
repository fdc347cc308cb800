import { normalizeMobile } from '@guanxi/common/phone';
import { pinyin } from 'pinyin-pro';
import { REGION_NAMES } from '../../lib/regions';

/** Full-width ASCII (Ａ-Ｚ, ０-９, （）…) and the ideographic space to half width. */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const COMPANY_FORMS = [
  '股份有限公司', '有限责任公司', '集团有限公司', '集团股份有限公司', '有限公司', '集团公司', '分公司', '公司', '集团',
  'co.,ltd.', 'co.,ltd', 'co.ltd', 'co ltd', 'ltd.', 'ltd', 'inc.', 'inc', 'corp.', 'corp', 'llc',
].sort((a, b) => b.length - a.length);
const BRACKETS = /[()[\]【】〔〕{}<>《》]/g;

/**
 * The form of a company name used for duplicate checks: half width, lower case, no spaces or punctuation,
 * no company-form suffix (有限公司 / 有限责任公司 / 股份有限公司 …), no leading province/city, and a bracketed place
 * ("华星科技（北京）有限公司") dropped.
 * @example normalizeCompanyName('北京 华星科技（北京）有限责任公司') // '华星科技'
 */
export function normalizeCompanyName(name: string): string {
  let s = halfWidth(name).toLowerCase().replace(/\s+/g, '');
  s = s.replace(/\(([^()]*)\)/g, (m, inner: string) => (REGION_NAMES.includes(inner) ? '' : inner));
  s = s.replace(BRACKETS, '').replace(/[·.,，。、'"“”‘’\-_/]/g, (c) => (c === '.' || c === ',' ? c : ''));
  for (let changed = true; changed; ) {
    changed = false;
    for (const form of COMPANY_FORMS) {
      if (s.length > form.length && s.endsWith(form)) {
        s = s.slice(0, -form.length);
        changed = true;
      }
    }
  }
  s = s.replace(/[.,]/g, '');
  for (let i = 0; i < 2; i++) {
    const prefix = REGION_NAMES.find((r) => s.startsWith(r) && s.length > r.length + 1);
    if (prefix) s = s.slice(prefix.length);
  }
  return s || halfWidth(name).toLowerCase().replace(/\s+/g, '');
}

const CJK = /[\u4e00-\u9fff]/;
/** Marks a two-character CJK window so a two-character query is still a three-character trigram search. */
export const BIGRAM_MARK = '~';

/**
 * The text a customer is found by: name, full pinyin and initials ("hxkj" finds 华星科技), CJK bigrams, number,
 * contact names, mobiles and their last four digits, emails.
 */
export function buildSearchText(c: { name: string; number: string; contacts: Array<{ name?: string | null; mobile?: string | null; email?: string | null }> }): string {
  const name = halfWidth(c.name).toLowerCase().replace(/\s+/g, ' ').trim();
  const parts = [name, c.number.toLowerCase()];
  if (CJK.test(name)) {
    const chars = name.replace(/\s+/g, '');
    parts.push(pinyin(chars, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').replace(/\s+/g, ''));
    parts.push(pinyin(chars, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').replace(/\s+/g, ''));
    const bigrams: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) {
      if (CJK.test(chars[i]!) && CJK.test(chars[i + 1]!)) bigrams.push(`${chars[i]}${chars[i + 1]}${BIGRAM_MARK}`);
    }
    parts.push(bigrams.join(''));
  }
  for (const ct of c.contacts) {
    if (ct.name) parts.push(halfWidth(ct.name).toLowerCase());
    if (ct.mobile) parts.push(ct.mobile, `${ct.mobile.slice(-4)}${BIGRAM_MARK}`);
    if (ct.email) parts.push(ct.email.toLowerCase());
  }
  return parts.filter(Boolean).join('|');
}

/**
 * The keyword as searched: half width, lower case; a mobile in any common notation becomes its 11 digits;
 * four digits match a mobile's last four; a two-character Chinese word gets the bigram mark.
 */
export function searchPattern(q: string): { text: string; minLengthOk: boolean } {
  const t = halfWidth(q).toLowerCase().trim().replace(/\s+/g, ' ');
  const mobile = normalizeMobile(t);
  if (mobile) return { text: mobile, minLengthOk: true };
  if (t.length === 2 && CJK.test(t[0]!) && CJK.test(t[1]!)) return { text: `${t}${BIGRAM_MARK}`, minLengthOk: true };
  // Four digits mean "the last four of a mobile" (how people recall a number), not any four digits inside one.
  if (/^\d{4}$/.test(t)) return { text: `${t}${BIGRAM_MARK}`, minLengthOk: true };
  return { text: t, minLengthOk: t.length >= 3 };
}
