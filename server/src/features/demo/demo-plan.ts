import type { CompletenessField } from '@guanxi/common/completeness';
import { DEFAULT_FOLLOWUP_SOP, type TFollowupSop } from '@guanxi/common/followup-sop';
import { DEFAULT_POOL_RULES, type TPoolRules } from '@guanxi/common/pools';
import { REGIONS } from '../../lib/regions';
import { demoIdFactory, hash32, weighted, type Rng } from './demo-random';
import { COMPANY_FORMS, INDUSTRY_WORDS, POSITIONS, PROVINCE_WEIGHTS } from './demo-words';

export const DAY_MS = 86_400_000;
// Asia/Shanghai has had no daylight saving since 1991, so its calendar day is UTC+8 arithmetic; this gives the
// same day as lib/sequences dayInZone (a test checks) without building an Intl formatter per customer.
const SHANGHAI_MS = 8 * 3_600_000;
/** Demo customers were created over the last three years. */
export const SPAN_DAYS = 1096;

export type DemoOwner = { id: string; name: string };
export type DemoCodes = { industry: ReadonlySet<string>; source: ReadonlySet<string>; size: ReadonlySet<string>; contactRole: ReadonlySet<string> };

export type DemoPlanInput = {
  tenantId: string;
  seed: number;
  /** How many customers the tenant has when the run is complete; customer i of total sits at a fixed time. */
  total: number;
  now: Date;
  /** Owners by sales region (华东, 华南 …): the sales staff of the group that covers it. */
  ownersByRegion: Readonly<Record<string, readonly DemoOwner[]>>;
  /** Key-account managers, who own some of the large enterprises. */
  keyAccounts: readonly DemoOwner[];
  tagIds: ReadonlyMap<string, string>;
  weights: Record<CompletenessField, number>;
  /** Active dictionary codes of the tenant: only these are used. */
  codes: DemoCodes;
  /**
   * The tenant's default pool (公海) and its rules: customers the pool sweep would have returned by `now` are made
   * in it (no pool: nobody is returned). Default rules when absent.
   */
  pool?: { id: string; rules: TPoolRules } | null;
  /** The tenant's follow-up SOP cadence (seed 002 defaults when absent): the SOP tasks its job would have created. */
  sop?: TFollowupSop;
};

const only = <T extends string>(entries: ReadonlyArray<readonly [T, number]>, allowed: ReadonlySet<string>) => {
  const kept = entries.filter(([code]) => allowed.has(code));
  if (kept.length === 0) throw new Error(`none of the demo codes ${entries.map(([c]) => c).join(', ')} is active`);
  return weighted(kept);
};

/** A plan: the input plus the weighted pickers built once from it. Pure data; no database access. */
export function demoPlan(input: DemoPlanInput) {
  const industry = only(INDUSTRY_WORDS.map(([code, w]) => [code, w] as const), input.codes.industry);
  const industryWords = new Map(INDUSTRY_WORDS.map(([code, , list]) => [code, list]));
  const source = only([['trade_show', 18], ['referral', 20], ['online', 22], ['website', 15], ['telemarketing', 12], ['advertising', 8], ['other', 5]] as const, input.codes.source);
  const sizeCodes = ['large', 'medium', 'small'].filter((c) => input.codes.size.has(c));
  const size = weighted([['large', 10], ['medium', 30], ['small', 55], ['', 5]].filter(([c]) => c === '' || sizeCodes.includes(c as string)) as Array<[string, number]>);
  const positions = POSITIONS.filter(([, role]) => input.codes.contactRole.has(role)).map(([t, r, w]) => [[t, r] as const, w] as const);
  const province = weighted(Object.entries(PROVINCE_WEIGHTS).filter(([p]) => REGIONS[p]));
  return {
    ...input,
    now: input.now.getTime(),
    poolId: input.pool?.id ?? null,
    poolRules: input.pool?.rules ?? DEFAULT_POOL_RULES,
    sop: input.sop ?? DEFAULT_FOLLOWUP_SOP,
    newId: demoIdFactory(),
    pick: {
      industry, industryWord: (code: string, rng: Rng) => rng.pick(industryWords.get(code) ?? ['商贸']), source, size, province,
      position: positions.length ? weighted(positions) : () => ['总经理', null] as const,
      status: weighted([['potential', 45], ['intent', 28], ['won', 18], ['churned', 9]] as const),
      form: weighted(COMPANY_FORMS),
    },
  };
}
export type DemoPlan = ReturnType<typeof demoPlan>;

/** The calendar day (YYYYMMDD) in Asia/Shanghai of an instant, as customer numbers use it. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * When customer i of the plan was created. Customers are spread over the last three years with growth (more
 * recent days have more new customers: position x maps to x^0.7 of the span), in office hours (08:30–19:00
 * Shanghai), and the mapping is monotone in i, so numbers drawn in index order also follow creation time.
 */
export function createdAtOf(plan: DemoPlan, i: number): number {
  const x = (i + hash32(plan.seed ^ 0x51ed, i) / 4294967296) / plan.total;
  const t = SPAN_DAYS * Math.pow(x, 0.7);
  const day = Math.floor(t);
  const todayStart = Math.floor((plan.now + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS;
  const at = todayStart - (SPAN_DAYS - 1 - day) * DAY_MS + (8.5 + (t - day) * 10.5) * 3_600_000;
  // Today's customers must not lie in the future: squeeze the latest into the last seconds before now.
  return Math.floor(Math.min(at, plan.now - (plan.total - i) * 1000));
}
