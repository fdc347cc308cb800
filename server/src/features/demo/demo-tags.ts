import type { Rng } from './demo-random';
import { weighted } from './demo-random';

/** The demo tag set (~30, in groups), as a sales team would build it up. */
export const DEMO_TAGS: ReadonlyArray<{ name: string; group: string; color: string }> = [
  ...['A类客户', 'B类客户', 'C类客户'].map((name, i) => ({ name, group: '客户分层', color: ['#f5222d', '#fa8c16', '#1677ff'][i]! })),
  ...['新客户', '成长期', '成熟期', '衰退期'].map((name) => ({ name, group: '生命周期', color: '#13c2c2' })),
  ...['高风险', '流失预警', '回款风险'].map((name) => ({ name, group: '风险', color: '#cf1322' })),
  ...['华东', '华南', '华北', '华中', '西南', '西北', '东北'].map((r) => ({ name: `${r}区域`, group: '区域', color: '#722ed1' })),
  ...['制造业', '互联网', '金融', '教育', '医疗'].map((name) => ({ name, group: '行业', color: '#2f54eb' })),
  ...['重点跟进', '预算10万+', '近期活跃', '决策链清晰', '价格敏感', '老客户转介绍', '展会获客', '需要技术支持'].map((name) => ({
    name, group: '自定义', color: '#52c41a',
  })),
];

const INDUSTRY_TAG: Readonly<Record<string, string>> = { C: '制造业', I: '互联网', J: '金融', P: '教育', Q: '医疗' };
const tagCount = weighted([[0, 15], [1, 25], [2, 30], [3, 20], [4, 10]] as const);

export type TagFacts = {
  region: string; industry: string; status: string; source: string; size: string | null; valueTier: string | null;
  riskLevel: string | null; ageDays: number; daysSinceFollowUp: number | null;
};

/**
 * 0–4 tags that agree with the customer's data (an A类 tag only on tier A, 近期活跃 only after a recent follow-up,
 * the region tag of its province …), so tag filters in the demo show meaningful groups.
 */
export function demoTagsFor(f: TagFacts, rng: Rng): string[] {
  const k = tagCount(rng);
  if (k === 0) return [];
  const candidates: string[] = [`${f.region}区域`];
  if (f.valueTier) candidates.push(`${f.valueTier}类客户`);
  if (INDUSTRY_TAG[f.industry]) candidates.push(INDUSTRY_TAG[f.industry]!);
  if (f.daysSinceFollowUp !== null && f.daysSinceFollowUp <= 30) candidates.push('近期活跃');
  if (f.riskLevel === 'high') candidates.push('高风险');
  if (f.status === 'churned' || (f.riskLevel === 'high' && rng.chance(0.5))) candidates.push('流失预警');
  if (f.ageDays < 90) candidates.push('新客户');
  else if (f.status === 'won') candidates.push(f.ageDays > 540 ? '成熟期' : '成长期');
  else if (f.status === 'churned') candidates.push('衰退期');
  if ((f.status === 'intent' || f.status === 'won') && rng.chance(0.4)) candidates.push('重点跟进');
  if ((f.size === 'large' || f.size === 'medium') && rng.chance(0.4)) candidates.push('预算10万+');
  if (f.source === 'referral') candidates.push('老客户转介绍');
  if (f.source === 'trade_show') candidates.push('展会获客');
  if (f.status === 'won' && rng.chance(0.1)) candidates.push('回款风险');
  candidates.push(rng.pick(['决策链清晰', '价格敏感', '需要技术支持']));
  // Fisher–Yates on the candidates, then the first k: which facts get tagged varies like it does in real data.
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
  }
  return candidates.slice(0, k);
}
