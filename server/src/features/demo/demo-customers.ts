import { REGIONS } from '../../lib/regions';
import { scoreOf } from '../customers/customer-derived';
import { buildSearchText, normalizeCompanyName } from '../customers/customer-text';
import { brandPinyin, demoBirthday, demoLandline, demoPerson, mailbox, type DemoPerson } from './demo-people';
import { DAY_MS, createdAtOf, type DemoPlan } from './demo-plan';
import { createRng, uniqueMobile, weighted, type Rng } from './demo-random';
import { demoTagsFor } from './demo-tags';
import { BRANDS, COMMUNICATION_PREFERENCES, PRODUCT_PREFERENCES, PRODUCTS, REGION_OF, REQUIREMENTS, ROADS } from './demo-words';

const iso = (ms: number) => new Date(ms).toISOString();
const between = (rng: Rng, from: number, to: number) => from + Math.floor(rng.next() * Math.max(0, to - from));

function shortPlace(name: string): string {
  return name.replace(/(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/, '');
}

function address(plan: DemoPlan, rng: Rng, brand: string) {
  const province = plan.pick.province(rng);
  const cities = Object.keys(REGIONS[province]!);
  // The first city listed is the capital (or the urban districts of a municipality): it gets the most customers.
  const city = rng.chance(0.45) ? cities[0]! : rng.pick(cities);
  const district = rng.pick(REGIONS[province]![city]!);
  let street = `${rng.pick(ROADS)}${rng.int(1, 999)}号`;
  const r = rng.next();
  if (r < 0.25) street += `${brand}大厦${rng.int(2, 32)}楼`;
  else if (r < 0.4) street += `${rng.int(1, 12)}栋${rng.int(1, 28)}0${rng.int(1, 9)}室`;
  // Company names carry the city (杭州) or, for municipalities and county-level areas, the province (北京, 河南).
  const place = /市$/.test(city) && city.length <= 4 ? shortPlace(city) : shortPlace(province);
  return { province, city, district, street, place, provinceShort: shortPlace(province), region: REGION_OF[province] ?? '华东' };
}

function companyName(plan: DemoPlan, rng: Rng, brand: string, word: string, place: string, provinceShort: string): string {
  const form = plan.pick.form(rng);
  const suffix = form === 'branch' ? `有限公司${place}分公司` : form;
  const r = rng.next();
  if (form === 'branch' || r < 0.25) return `${brand}${word}${suffix}`;
  if (r < 0.75) return `${place}${brand}${word}${suffix}`;
  if (r < 0.9) return `${provinceShort}${brand}${word}${suffix}`;
  return `${brand}${word}（${place}）${suffix}`;
}

const fill = (template: string, rng: Rng) => template
  .replace('{product}', rng.pick(PRODUCTS)).replace('{n}', String(rng.pick([5, 10, 20, 30, 50, 80, 100, 200, 500])))
  .replace('{budget}', String(rng.pick([3, 5, 8, 10, 15, 20, 30, 50, 80, 100, 200]))).replace('{month}', String(rng.int(1, 12)));

const SIZE_STAFF: Readonly<Record<string, readonly [number, number, number, number]>> = {
  // staff min, max; revenue (yuan) min, max
  large: [500, 20_000, 100_000_000, 5_000_000_000], medium: [100, 499, 10_000_000, 100_000_000], small: [3, 99, 500_000, 10_000_000],
};

/**
 * The last follow-up: most customers have one, after creation. The team works its customers: one still being
 * worked (potential, intent) was followed up inside its pool rule's no-follow-up window (30 days, 45 for tier B,
 * 60 for A by default) more often than not; about one in six is past it (the pool sweep has returned it) and about
 * one in ten close to it (a warning sent or due soon). Won customers (exempt from the pool) within the last 400
 * days, recently more often; churned ones long ago.
 */
function lastFollowUp(plan: DemoPlan, rng: Rng, status: string, created: number, tier: string | null): number | null {
  const pNone = status === 'potential' ? 0.3 : 0.05;
  if (rng.chance(pNone)) return null;
  if (status === 'potential' || status === 'intent') {
    const d = plan.poolRules.noFollowUpDays;
    const window = d ? (tier && (d as Record<string, number | undefined>)[tier]) || d.default : 30;
    const span = Math.min(plan.now - created, window * 1.15 * DAY_MS);
    return Math.floor(plan.now - Math.pow(rng.next(), 0.8) * span);
  }
  const from = Math.max(created, plan.now - 400 * DAY_MS);
  const to = status === 'churned' ? Math.max(from, plan.now - 90 * DAY_MS) : plan.now;
  // Active customers were followed up recently more often than not.
  const skew = status === 'churned' ? rng.next() : Math.pow(rng.next(), 2);
  return Math.floor(to - skew * (to - from));
}

export type DemoContact = {
  id: string; name: string; title: string | null; role: string | null; mobile: string; landline: string | null; email: string | null;
  preferred_channel: string | null; notes: string | null; is_primary: boolean; birthday: string | null; created_at: string;
};

function contactOf(plan: DemoPlan, rng: Rng, p: DemoPerson, n: number, ctx: { province: string; domain: string | null; at: number; primary: boolean }): DemoContact {
  const [title, role] = ctx.domain ? plan.pick.position(rng) : [null, null];
  const email = ctx.domain
    ? (rng.chance(ctx.primary ? 0.75 : 0.55) ? `${mailbox(p, rng)}@${ctx.domain}` : null)
    : (rng.chance(0.4) ? `${mailbox(p, rng)}@mail.example` : null);
  return {
    id: '', name: p.name, title, role, mobile: uniqueMobile(n, plan.seed), email,
    landline: ctx.domain && rng.chance(0.3) ? demoLandline(ctx.province, rng) : null,
    preferred_channel: rng.chance(0.3) ? rng.pick(['微信', '电话', '邮件']) : null,
    notes: rng.chance(0.1) ? rng.pick(['仅工作日联系', '周末勿扰', '喜欢微信沟通', '上午开会较多，下午联系']) : null,
    is_primary: ctx.primary, birthday: rng.chance(0.2) ? demoBirthday(rng, 1965, 1998) : null, created_at: iso(ctx.at),
  };
}

const tierOf: Readonly<Record<string, readonly [number, (rng: Rng) => string]>> = {
  won: [1, weighted([['A', 35], ['B', 45], ['C', 20]])],
  intent: [0.5, weighted([['A', 15], ['B', 45], ['C', 40]])],
  potential: [0.25, weighted([['B', 30], ['C', 70]])],
  churned: [0.4, weighted([['B', 30], ['C', 70]])],
};
const riskOf: Readonly<Record<string, readonly [number, (rng: Rng) => string]>> = {
  churned: [1, weighted([['high', 70], ['medium', 30]])],
  won: [0.3, weighted([['low', 60], ['medium', 30], ['high', 10]])],
  intent: [0.3, weighted([['low', 50], ['medium', 40], ['high', 10]])],
  potential: [0.15, weighted([['low', 40], ['medium', 40], ['high', 20]])],
};
const maybe = (rng: Rng, [p, pick]: readonly [number, (rng: Rng) => string]) => (rng.chance(p) ? pick(rng) : null);

export type DemoCustomer = ReturnType<typeof generateDemoCustomer>;

/**
 * Demo customer i of the plan with its contacts and tags, every derived column filled the way the customer
 * services fill it: name_norm by normalizeCompanyName, search_text by buildSearchText over the contacts (primary
 * first, as refreshDerived reads them), completeness by the same scoring with the tenant's weights.
 * Pure apart from the row ids; `number` comes from the tenant's sequence.
 */
export function generateDemoCustomer(plan: DemoPlan, i: number, number: string) {
  const rng = createRng(plan.seed, i + 1);
  const created = createdAtOf(plan, i);
  const brand = rng.pick(BRANDS);
  const a = address(plan, rng, brand);
  const person: DemoPerson | null = rng.chance(0.08) ? demoPerson(rng) : null;
  let industry = plan.pick.industry(rng);
  let industryNote: string | null = null;
  let name: string;
  let size: string | null = null;
  if (person) {
    name = person.name;
    if (plan.codes.industry.has('other')) [industry, industryNote] = ['other', rng.pick(['个体经营', '个人消费者', '自由职业'])];
  } else {
    name = companyName(plan, rng, brand, plan.pick.industryWord(industry, rng), a.place, a.provinceShort);
    size = plan.pick.size(rng) || null;
  }
  const status = plan.pick.status(rng);
  const source = plan.pick.source(rng);
  const owners = plan.ownersByRegion[a.region] ?? [];
  const owner = size === 'large' && plan.keyAccounts.length > 0 && rng.chance(0.3) ? rng.pick(plan.keyAccounts) : owners.length ? rng.pick(owners) : null;
  const valueTier = maybe(rng, tierOf[status]!);
  const riskLevel = maybe(rng, riskOf[status]!);
  const followUp = lastFollowUp(plan, rng, status, created, valueTier);
  const wonAt = status === 'won' ? between(rng, created, followUp ?? plan.now) : null;
  const staff = size ? SIZE_STAFF[size] : undefined;
  const isActive = status === 'intent' || status === 'won';

  const domain = person ? null : `${brandPinyin(brand)}.example`;
  const contacts = [contactOf(plan, rng, person ?? demoPerson(rng), 2 * i, { province: a.province, domain, at: created, primary: true })];
  if (!person && rng.chance(0.54)) {
    const at = Math.min(plan.now, between(rng, created, followUp ?? created + 30 * DAY_MS));
    contacts.push(contactOf(plan, rng, demoPerson(rng), 2 * i + 1, { province: a.province, domain, at, primary: false }));
  }
  for (const c of contacts) c.id = plan.newId(Date.parse(c.created_at));

  const tags = demoTagsFor({
    region: a.region, industry, status, source, size, valueTier, riskLevel, ageDays: (plan.now - created) / DAY_MS,
    daysSinceFollowUp: followUp === null ? null : (plan.now - followUp) / DAY_MS,
  }, rng);
  const c = {
    id: plan.newId(created), tenant_id: plan.tenantId, number, name, name_norm: normalizeCompanyName(name), type: person ? 'individual' : 'enterprise',
    industry, industry_note: industryNote, source, size, province: a.province, city: a.city, district: a.district, street: a.street,
    owner_id: owner?.id ?? null, status,
    requirement: rng.chance(isActive ? 0.75 : 0.4) ? fill(rng.pick(REQUIREMENTS), rng) : null,
    product_preference: rng.chance(0.35) ? rng.pick(PRODUCT_PREFERENCES) : null,
    communication_preference: rng.chance(0.4) ? rng.pick(COMMUNICATION_PREFERENCES) : null,
    value_tier: valueTier, risk_level: riskLevel, first_contact_at: iso(created),
    last_follow_up_at: followUp === null ? null : iso(followUp), won_at: wonAt === null ? null : iso(wonAt),
    purchase_frequency: wonAt === null ? null : rng.int(1, 24),
    // Money in fen; order values spread log-uniformly from ¥5,000 to ¥500,000.
    avg_order_value: wonAt === null ? null : Math.round(Math.exp(Math.log(5000) + rng.next() * Math.log(100))) * 100,
    gender: person?.gender ?? null, birthday: person ? demoBirthday(rng, 1960, 2002) : null,
    staff_count: staff && rng.chance(0.7) ? rng.int(staff[0], staff[1]) : null,
    annual_revenue: staff && rng.chance(0.5) ? rng.int(staff[2] / 10_000, staff[3] / 10_000) * 1_000_000 : null,
    completeness: 0, search_text: '', created_by: owner?.id ?? null, created_at: iso(created),
    // As createCustomer leaves it: entered once (follow-ups are records of their own). It also keeps the
    // (tenant, updated_at) index append-only during the load, where a random time would scatter every insert.
    updated_at: iso(created),
  };
  c.search_text = buildSearchText({ name, number, contacts });
  // scoreOf reads stored rows; every column it scores is here (the cast covers the ones it does not read).
  c.completeness = scoreOf({ c, contacts, tags } as unknown as Parameters<typeof scoreOf>[0], plan.weights).score;
  return { customer: c, contacts, tagIds: tags.map((t) => plan.tagIds.get(t)).filter((t): t is string => t !== undefined), ownerName: owner?.name ?? null };
}
