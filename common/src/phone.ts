const FULL_WIDTH = /[\uFF10-\uFF19\uFF0B\uFF0D\u3000]/g;

/** Full-width digits, plus, minus and the ideographic space to their ASCII forms. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => {
    if (c === '\u3000') return ' ';
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

/**
 * A mainland mobile number in its stored form (11 digits), or null when it is not one.
 * Accepts +86 / 0086 / 86 prefixes, spaces, dashes, dots, brackets and full-width digits.
 * @example normalizeMobile('+86 138-1234-5678') // '13812345678'
 */
export function normalizeMobile(input: string): string | null {
  let digits = toHalfWidth(input).replace(/[\s\-().]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export function isMobile(input: string): boolean {
  return normalizeMobile(input) !== null;
}

/**
 * A landline in its stored form: area code, number and optional extension joined by dashes, or null.
 * @example normalizeLandline('(010) 1234 5678 转 801') // '010-12345678-801'
 */
export function normalizeLandline(input: string): string | null {
  const t = toHalfWidth(input).replace(/[\s（）]/g, (c) => (c === '（' ? '(' : c === '）' ? ')' : ''));
  const m = t.match(/^\(?(0\d{2,3})\)?-?(\d{7,8})(?:(?:-|转|ext\.?|x|#)(\d{1,6}))?$/i);
  if (!m) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

export function isLandline(input: string): boolean {
  return normalizeLandline(input) !== null;
}
