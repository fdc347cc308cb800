/** Sections of the national standard GB/T 4754-2017 (国民经济行业分类), plus 其他. */
export const INDUSTRY_CODES = [
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'other',
] as const;
export type IndustryCode = (typeof INDUSTRY_CODES)[number];
