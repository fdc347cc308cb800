import { describe, expect, it } from 'vitest';
import { buildSearchText, normalizeCompanyName, searchPattern } from './customer-text';

describe('normalizeCompanyName', () => {
  it.each([
    ['华星科技有限公司', '华星科技'],
    ['华星科技有限责任公司', '华星科技'],
    ['华星科技股份有限公司', '华星科技'],
    ['北京华星科技有限公司', '华星科技'],
    ['北京市华星科技有限公司', '华星科技'],
    ['华星科技（北京）有限公司', '华星科技'],
    ['华星科技(北京)有限公司', '华星科技'],
    ['  华星 科技 有限公司 ', '华星科技'],
    ['广东省深圳市华星科技有限公司', '华星科技'],
    ['ＡＢＣ科技有限公司', 'abc科技'],
    ['Acme Co., Ltd.', 'acme'],
    ['华星科技（集团）有限公司', '华星科技'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeCompanyName(input)).toBe(expected);
  });

  it('keeps distinct companies distinct', () => {
    expect(normalizeCompanyName('华星电子有限公司')).not.toBe(normalizeCompanyName('华星科技有限公司'));
    expect(normalizeCompanyName('北京')).toBe('北京');
  });
});

describe('buildSearchText', () => {
  const text = buildSearchText({
    name: '华星科技有限公司', number: 'CUST202611230001', contacts: [{ name: '张伟', mobile: '13812345678', email: 'Zhang@Example.com' }],
  });
  it('contains the name, pinyin, initials, number, mobile and its last four digits, email', () => {
    for (const part of ['华星科技', 'huaxingkeji', 'hxkj', 'cust202611230001', '13812345678', '5678~', 'zhang@example.com', '张伟', '华星~']) {
      expect(text).toContain(part);
    }
  });
  it('turns keywords into patterns', () => {
    expect(searchPattern('+86 138-1234-5678')).toEqual({ text: '13812345678', minLengthOk: true });
    expect(searchPattern('华星')).toEqual({ text: '华星~', minLengthOk: true });
    expect(searchPattern('HXKJ')).toEqual({ text: 'hxkj', minLengthOk: true });
    expect(searchPattern('ab').minLengthOk).toBe(false);
    expect(searchPattern('5678')).toEqual({ text: '5678~', minLengthOk: true });
  });
});
