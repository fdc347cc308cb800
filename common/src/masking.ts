/**
 * Masks for sensitive data shown to roles without "view sensitive data" (PRODUCT.md M0).
 * @example maskMobile('13812345678') // '138****5678'
 */
export function maskMobile(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(value.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** @example maskEmail('zhang.wei@example.com') // 'z***@example.com' */
export function maskEmail(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  const at = value.indexOf('@');
  if (at <= 0) return '***';
  return `${value[0]}***${value.slice(at)}`;
}

/** Keeps province/city, hides the street: @example maskStreet('科技园路88号') // '******' */
export function maskText(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  return '*'.repeat(Math.min(6, value.length));
}
