import { pinyin } from 'pinyin-pro';
import { weighted, type Rng } from './demo-random';
import { AREA_CODES, BRANDS, GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './demo-words';

export type DemoPerson = { name: string; gender: 'male' | 'female'; surnamePinyin: string; givenPinyin: string };

// Commonest first: weight falls off with rank like the real distribution; compound surnames are rare.
const pickSurname = weighted(SURNAMES.map((s, rank) => [s, s.length > 1 ? 0.002 : 1 / (rank + 8)] as const));

// Pinyin of every name part, worked out once: a million contacts must not each run the pinyin converter.
// Surnames are read as surnames (曾 zeng, 单 shan), given-name characters in their usual reading.
let tables: { surname: Map<string, string>; given: Map<string, string>; brand: Map<string, string> } | undefined;
function pinyinTables() {
  if (tables) return tables;
  const plain = (s: string) => pinyin(s, { toneType: 'none', type: 'array' }).join('');
  tables = {
    surname: new Map(SURNAMES.map((s) => [s, pinyin(s, { toneType: 'none', type: 'array', surname: 'all' }).join('')])),
    given: new Map([...GIVEN_MALE, ...GIVEN_FEMALE].map((c) => [c, plain(c)])),
    brand: new Map(BRANDS.map((b) => [b, plain(b)])),
  };
  return tables;
}

/** A Chinese person: surname + one or two given-name characters (two more often, as today). */
export function demoPerson(rng: Rng, gender?: 'male' | 'female'): DemoPerson {
  const t = pinyinTables();
  const g = gender ?? (rng.chance(0.55) ? 'male' : 'female');
  const chars = g === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const surname = pickSurname(rng);
  let given = rng.pick(chars);
  if (rng.chance(0.62)) {
    const second = rng.pick(chars);
    if (second !== given || rng.chance(0.3)) given += second;
  }
  const givenPinyin = [...given].map((c) => t.given.get(c)!).join('');
  return { name: surname + given, gender: g, surnamePinyin: t.surname.get(surname)!, givenPinyin };
}

/** The pinyin of a company 字号 (for the demo mail domain). */
export function brandPinyin(brand: string): string {
  return pinyinTables().brand.get(brand) ?? 'company';
}

/** A mailbox name as Chinese companies hand them out: zhangwei, wei.zhang, zhangwei08. */
export function mailbox(p: DemoPerson, rng: Rng): string {
  const r = rng.next();
  if (r < 0.6) return `${p.surnamePinyin}${p.givenPinyin}`;
  if (r < 0.85) return `${p.givenPinyin}.${p.surnamePinyin}`;
  return `${p.surnamePinyin}${p.givenPinyin}${String(rng.int(1, 99)).padStart(2, '0')}`;
}

/** A landline in its stored form (area code of the province capital, 8-digit number, sometimes an extension). */
export function demoLandline(province: string, rng: Rng): string {
  const area = AREA_CODES[province] ?? '010';
  const number = `${rng.int(2, 8)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  return rng.chance(0.2) ? `${area}-${number}-${rng.int(100, 899)}` : `${area}-${number}`;
}

/** A birthday (YYYY-MM-DD) of someone born between the given years. */
export function demoBirthday(rng: Rng, fromYear: number, toYear: number): string {
  const day = new Date(Date.UTC(rng.int(fromYear, toYear), 0, 1) + rng.int(0, 364) * 86_400_000);
  return day.toISOString().slice(0, 10);
}
