import { normalizeMobile } from '@guanxi/common/phone';
import type { Db } from '../../db/database';
import { normalizeCompanyName } from './customer-text';

/** What 查重 compares for one would-be customer (findDuplicates): normalised name, mobile, lower-cased e-mail. */
export type DuplicateKeys = string[];

/** A row's duplicate keys as strings ("n:…", "m:…", "e:…"), normalised exactly as findDuplicates does. */
export function duplicateKeysOf(name: string | null | undefined, mobile: string | null | undefined, email: string | null | undefined): DuplicateKeys {
  const keys: string[] = [];
  const norm = name ? normalizeCompanyName(name) : null;
  if (norm) keys.push(`n:${norm}`);
  const m = mobile ? normalizeMobile(mobile) : null;
  if (m) keys.push(`m:${m}`);
  const e = email?.trim().toLowerCase();
  if (e) keys.push(`e:${e}`);
  return keys;
}

/** IN lists are cut into chunks: well under SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * For a batch of rows, which duplicate keys already belong to a customer of the tenant (not in the recycle bin),
 * and to which one: three set-based lookups (customers by name_norm, contacts by mobile, contacts by email), each on
 * its index, instead of one findDuplicates per row. Same rules as findDuplicates, whatever the caller's data scope.
 */
export async function existingDuplicateKeys(db: Db, tenantId: string, rows: DuplicateKeys[]): Promise<Map<string, string>> {
  const byKind = (kind: string) => [...new Set(rows.flatMap((k) => k.filter((x) => x.startsWith(kind)).map((x) => x.slice(2))))];
  const found = new Map<string, string>();
  const note = (key: string, id: string) => {
    if (!found.has(key)) found.set(key, id);
  };
  for (const part of chunks(byKind('n:'))) {
    const hits = await db.selectFrom('customers').select(['id', 'name_norm']).where('tenant_id', '=', tenantId).where('name_norm', 'in', part)
      .where('deleted_at', 'is', null).orderBy('id').execute();
    for (const h of hits) note(`n:${h.name_norm}`, h.id);
  }
  for (const [kind, column] of [['m:', 'mobile'], ['e:', 'email']] as const) {
    for (const part of chunks(byKind(kind))) {
      const hits = await db.selectFrom('contacts').innerJoin('customers', 'customers.id', 'contacts.customer_id')
        .select(['customers.id as id', `contacts.${column} as value`])
        .where('contacts.tenant_id', '=', tenantId).where(`contacts.${column}`, 'in', part)
        .where('customers.tenant_id', '=', tenantId).where('customers.deleted_at', 'is', null).orderBy('customers.id').execute();
      for (const h of hits) if (h.value) note(`${kind}${h.value}`, h.id);
    }
  }
  return found;
}

/** Rows for a multi-row INSERT, grouped by the columns they set (a missing column keeps its default) and cut into chunks. */
export async function insertMany<R extends Record<string, unknown>>(insert: (rows: R[]) => Promise<unknown>, rows: R[]): Promise<void> {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const sig = Object.keys(r).filter((k) => r[k] !== undefined).sort().join(',');
    const clean = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as R;
    const group = groups.get(sig);
    if (group) group.push(clean);
    else groups.set(sig, [clean]);
  }
  for (const [sig, group] of groups) {
    // SQLite allows 32,766 bound parameters per statement; PostgreSQL 65,535. Chunks are powers of two (512, 256, …
    // 1 rows): any batch is written with a few statement shapes, which stay prepared in the statement cache, instead
    // of one new statement to prepare for every batch size.
    const per = Math.max(1, Math.floor(20000 / Math.max(1, sig.split(',').length)));
    let size = 1;
    while (size * 2 <= Math.min(per, 512)) size *= 2;
    for (let i = 0; i < group.length; i += size) {
      while (size > group.length - i) size /= 2;
      await insert(group.slice(i, i + size));
    }
  }
}
