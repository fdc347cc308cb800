import { describe, expect, it } from 'vitest';
import { maskEmail, maskMobile, maskText } from './masking';

describe('masking', () => {
  it('masks a mobile as 138****5678', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile(null)).toBeNull();
    expect(maskMobile('123')).toBe('***');
  });
  it('masks an email as z***@example.com', () => {
    expect(maskEmail('zhang.wei@example.com')).toBe('z***@example.com');
    expect(maskEmail('broken')).toBe('***');
  });
  it('hides free text such as a street', () => {
    expect(maskText('科技园路88号')).toBe('******');
  });
});
