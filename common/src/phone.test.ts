import { describe, expect, it } from 'vitest';
import { isMobile, normalizeLandline, normalizeMobile, toHalfWidth } from './phone';

describe('normalizeMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['（+86）138.1234.5678', null],
    ['138 1234 567', null],
    ['12812345678', null],
    ['23812345678', null],
    ['138123456789', null],
    ['abc', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
  });

  it('recognises mainland mobiles only', () => {
    expect(isMobile('19912345678')).toBe(true);
    expect(isMobile('010-12345678')).toBe(false);
  });

  it.each([
    ['010-12345678', '010-12345678'],
    ['(010) 1234 5678 转 801', '010-12345678-801'],
    ['0755-8765432-12', '0755-8765432-12'],
    ['０２１－６１２３４５６７', '021-61234567'],
    ['12345', null],
    ['13812345678', null],
  ])('landline %s → %s', (input, expected) => {
    expect(normalizeLandline(input)).toBe(expected);
  });

  it('converts full-width digits and signs', () => {
    expect(toHalfWidth('＋８６　１３８')).toBe('+86 138');
  });
});
