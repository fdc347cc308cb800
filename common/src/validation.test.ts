import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resolveLocale } from './i18n';
import { issuesToDetails, zEmail, zMobile, zPassword, zText } from './validation';

const Schema = z.object({ name: zText(5), email: zEmail, mobile: zMobile, password: zPassword, staffSize: z.enum(['1-20', '21-100']) });

function details(input: unknown, locale: 'zh-CN' | 'en') {
  const r = Schema.safeParse(input);
  if (r.success) throw new Error('expected failure');
  return issuesToDetails(r.error.issues, input, locale);
}

describe('issuesToDetails', () => {
  it('names each field and its rule in Chinese', () => {
    const d = details({ name: '一二三四五六', email: 'x', mobile: '123', password: 'abcdefgh', staffSize: 'x' }, 'zh-CN');
    expect(d).toEqual([
      { field: 'name', rule: 'max_length', message: '名称不能超过 5 个字符' },
      { field: 'email', rule: 'email', message: '邮箱格式不正确，应为类似 name@example.com 的邮箱地址' },
      { field: 'mobile', rule: 'mobile', message: '手机号格式不正确，应为 11 位中国大陆手机号（如 13812345678）' },
      { field: 'password', rule: 'password', message: '密码至少 8 位，且需同时包含字母和数字' },
      { field: 'staffSize', rule: 'one_of', message: '人员规模的取值无效，可选值：1-20, 21-100' },
    ]);
  });

  it('reports missing and blank values as required, in English', () => {
    const d = details({ name: '  ' }, 'en');
    expect(d.map((x) => [x.field, x.message])).toEqual([
      ['name', 'Name is required'],
      ['email', 'Email is required'],
      ['mobile', 'Mobile is required'],
      ['password', 'Password is required'],
      ['staffSize', 'Staff size is required'],
    ]);
  });
});

describe('resolveLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR, en;q=0.5', 'en'],
    ['de', 'zh-CN'],
  ])('%s → %s', (header, locale) => {
    expect(resolveLocale(header)).toBe(locale);
  });
});
