import type { TDataQualitySummary, TDuplicateGroup, TInvalidContact } from '@guanxi/common/data-quality';
import type { TPage } from '@guanxi/common/pagination';
import { isMobile } from '@guanxi/common/phone';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/database';
import { dbJson, readJson, readTimestamp } from '../../db/dialect';
import { assertCan } from '../../lib/access';
import type { Actor } from '../../lib/actor';
import type { AppDeps } from '../../lib/http';
import { newId } from '../../lib/ids';
import { jobQueueFor } from '../../lib/jobs';
import { offsetOf, pageOf } from '../../lib/pagination';
import { customersByIds, lowCompletenessCustomers } from '../customers/customers.service';

export const INCOMPLETE_BELOW = 60;
const GROUP_PAGE = 500;
const CONTACT_PAGE = 2000;
const isEmail = (v: string) => z.email().safeParse(v).success;

type ScanDeps = Pick<AppDeps, 'db' | 'dialect' | 'clock'>;

/** Duplicate groups by one indexed column, walked in key order a page of groups at a time (constant memory). */
async function scanGroups(deps: ScanDeps, tenantId: string, kind: 'duplicate_name' | 'duplicate_mobile', now: string): Promise<number> {
  let after = '';
  let found = 0;
  for (;;) {
    const keys = kind === 'duplicate_name'
      ? await deps.db.selectFrom('customers').select('name_norm as key').where('tenant_id', '=', tenantId).where('deleted_at', 'is', null)
        .where('name_norm', '>', after).groupBy('name_norm').having(sql`count(*)`, '>', 1).orderBy('name_norm').limit(GROUP_PAGE).execute()
      : await deps.db.selectFrom('contacts').select('mobile as key').where('tenant_id', '=', tenantId).where('mobile', 'is not', null)
        .where('mobile', '>', after).groupBy('mobile').having(sql`count(distinct customer_id)`, '>', 1).orderBy('mobile').limit(GROUP_PAGE).execute();
    if (keys.length === 0) return found;
    const values = keys.map((k) => k.key as string);
    const members = kind === 'duplicate_name'
      ? await deps.db.selectFrom('customers').select(['id', 'name_norm as key']).where('tenant_id', '=', tenantId).where('deleted_at', 'is', null)
        .where('name_norm', 'in', values).orderBy('created_at').execute()
      : await deps.db.selectFrom('contacts').innerJoin('customers', 'customers.id', 'contacts.customer_id')
        .select(['customers.id as id', 'contacts.mobile as key']).distinct().where('contacts.tenant_id', '=', tenantId)
        .where('customers.deleted_at', 'is', null).where('contacts.mobile', 'in', values).execute();
    const groups = new Map<string, string[]>();
    for (const m of members) {
      const list = groups.get(m.key as string) ?? [];
      if (!list.includes(m.id)) list.push(m.id);
      groups.set(m.key as string, list);
    }
    const rows = [...groups].filter(([, ids]) => ids.length > 1).map(([key, ids]) => ({
      id: newId(), tenant_id: tenantId, kind, key, customer_ids: dbJson(deps.dialect, ids), size: ids.length, detail: null, computed_at: now,
    }));
    if (rows.length) await deps.db.insertInto('data_quality_issues').values(rows).execute();
    found += rows.length;
    after = values[values.length - 1]!;
  }
}

/** Contacts whose mobile or email does not pass the form's rules (data from before the rules, or from old imports). */
async function scanContacts(deps: ScanDeps, tenantId: string, now: string): Promise<{ mobiles: number; emails: number }> {
  let after = '';
  const counts = { mobiles: 0, emails: 0 };
  for (;;) {
    const page = await deps.db.selectFrom('contacts').innerJoin('customers', 'customers.id', 'contacts.customer_id')
      .select(['contacts.id', 'contacts.customer_id', 'contacts.name', 'contacts.mobile', 'contacts.email'])
      .where('contacts.tenant_id', '=', tenantId).where('customers.deleted_at', 'is', null).where('contacts.id', '>', after)
      .orderBy('contacts.id').limit(CONTACT_PAGE).execute();
    if (page.length === 0) return counts;
    const rows = [];
    for (const c of page) {
      for (const [kind, value, ok] of [
        ['invalid_mobile', c.mobile, (v: string) => isMobile(v)], ['invalid_email', c.email, isEmail],
      ] as const) {
        if (!value || ok(value)) continue;
        rows.push({
          id: newId(), tenant_id: tenantId, kind, key: c.id, customer_ids: dbJson(deps.dialect, [c.customer_id]), size: 1,
          detail: dbJson(deps.dialect, { contactId: c.id, contactName: c.name, value }), computed_at: now,
        });
        if (kind === 'invalid_mobile') counts.mobiles++;
        else counts.emails++;
      }
    }
    if (rows.length) await deps.db.insertInto('data_quality_issues').values(rows).execute();
    after = page[page.length - 1]!.id;
  }
}

/**
 * Recomputes a tenant's findings: duplicate groups by normalised name and by contact mobile (the rules of 查重),
 * and contacts with invalid mobiles or emails. Reads in pages through the indexes and writes the findings, so
 * the centre's pages read a small indexed table instead of the customers.
 */
export async function runDataQualityScan(deps: ScanDeps, tenantId: string): Promise<void> {
  // The findings of this scan are one generation (computed_at = its start, later than any stored one); the centre
  // keeps showing the last complete generation while this one is written, and the two swap when it is done.
  const latest = await deps.db.selectFrom('data_quality_issues').select((eb) => eb.fn.max('computed_at').as('at')).where('tenant_id', '=', tenantId).executeTakeFirst();
  const after = latest?.at ? new Date(readTimestamp(latest.at)).getTime() + 1 : 0;
  const now = new Date(Math.max(deps.clock.now().getTime(), after)).toISOString();
  try {
    const names = await scanGroups(deps, tenantId, 'duplicate_name', now);
    const mobiles = await scanGroups(deps, tenantId, 'duplicate_mobile', now);
    const invalid = await scanContacts(deps, tenantId, now);
    await deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('data_quality_issues').where('tenant_id', '=', tenantId).where('computed_at', '!=', now).execute();
      await trx.updateTable('data_quality_runs').set({
        status: 'done', finished_at: deps.clock.now().toISOString(), error: null,
        counts: dbJson(deps.dialect, { nameGroups: names, mobileGroups: mobiles, invalidMobiles: invalid.mobiles, invalidEmails: invalid.emails, generation: now }),
      }).where('tenant_id', '=', tenantId).execute();
    });
  } catch (err) {
    await deps.db.deleteFrom('data_quality_issues').where('tenant_id', '=', tenantId).where('computed_at', '=', now).execute();
    await deps.db.updateTable('data_quality_runs').set({ status: 'failed', finished_at: deps.clock.now().toISOString(), error: err instanceof Error ? err.message : String(err) })
      .where('tenant_id', '=', tenantId).execute();
    throw err;
  }
}

/**
 * The findings the centre shows: those of the last scan that completed (its `generation`); none before the first;
 * every stored one ('all') after a scan from before generations were kept.
 */
type Generation = string | null | 'all';
function generationOf(run: { counts: unknown } | undefined): Generation {
  const counts = readJson<{ generation?: string } | null>(run?.counts ?? null, null);
  if (!counts) return null;
  return counts.generation ?? 'all';
}

async function shownGeneration(db: Db, tenantId: string): Promise<Generation> {
  return generationOf(await db.selectFrom('data_quality_runs').select('counts').where('tenant_id', '=', tenantId).executeTakeFirst());
}

/** The queued job that scans one tenant (registered in server.ts; durable: a scan a restart cut off runs again). */
export const DATA_QUALITY_SCAN_JOB = 'data-quality-scan';

export function dataQualityScanHandler(deps: ScanDeps) {
  return async (data: unknown) => {
    const { tenantId } = z.object({ tenantId: z.string() }).parse(data);
    await runDataQualityScan(deps, tenantId);
    return { tenantId };
  };
}

/**
 * The nightly scan (periodic job `data-quality-nightly`): every company with customers gets the queued scan the
 * "重新检查" button starts (one per company at a time: a scan already waiting or running is not doubled), so the
 * centre's findings are at most a day old without anyone asking.
 */
export async function enqueueDataQualityScans(deps: Pick<AppDeps, 'db' | 'dialect' | 'clock' | 'logger'>): Promise<{ queued: number }> {
  const tenants = await deps.db.selectFrom('tenants').select('tenants.id')
    .where((eb) => eb.exists(eb.selectFrom('customers').select(sql.lit(1).as('one')).whereRef('customers.tenant_id', '=', 'tenants.id')))
    .execute();
  for (const { id } of tenants) await queueScan(deps, id);
  return { queued: tenants.length };
}

async function markScanRunning(deps: ScanDeps, tenantId: string) {
  const now = deps.clock.now().toISOString();
  await deps.db.insertInto('data_quality_runs').values({ tenant_id: tenantId, status: 'running', started_at: now, finished_at: null, counts: null, error: null })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ status: 'running', started_at: now, finished_at: null, error: null })).execute();
}

/** Marks the company's scan as running and queues it (a scan already queued or running for it is not doubled). */
async function queueScan(deps: Pick<AppDeps, 'db' | 'dialect' | 'clock' | 'logger'>, tenantId: string) {
  await markScanRunning(deps, tenantId);
  await jobQueueFor(deps).enqueue(DATA_QUALITY_SCAN_JOB, { tenantId }, { tenantId, singletonKey: tenantId, retryLimit: 2 });
}

/**
 * Starts a scan for the actor's company: queued on the job mechanism when this process runs jobs (one per tenant at a
 * time; visible on the 后台任务 page), inline otherwise.
 */
export async function startDataQualityScan(deps: AppDeps, actor: Actor): Promise<TDataQualitySummary> {
  assertCan(actor, 'customers', 'manage');
  if (deps.config.JOBS === 'on') {
    await queueScan(deps, actor.tenantId);
  } else {
    await markScanRunning(deps, actor.tenantId);
    await runDataQualityScan(deps, actor.tenantId).catch((err: unknown) => {
      deps.logger.error('data-quality scan failed', { tenantId: actor.tenantId, error: err instanceof Error ? err.message : String(err) });
    });
  }
  return dataQualitySummary(deps, actor);
}

const countKind = async (db: Db, tenantId: string, kinds: string[], generation: Generation) => {
  if (generation === null) return 0;
  let q = db.selectFrom('data_quality_issues').select((eb) => eb.fn.countAll<number>().as('n')).where('tenant_id', '=', tenantId).where('kind', 'in', kinds);
  if (generation !== 'all') q = q.where('computed_at', '=', generation);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

export async function dataQualitySummary(deps: AppDeps, actor: Actor): Promise<TDataQualitySummary> {
  assertCan(actor, 'customers', 'manage');
  const run = await deps.db.selectFrom('data_quality_runs').selectAll().where('tenant_id', '=', actor.tenantId).executeTakeFirst();
  const low = await lowCompletenessCustomers(deps, actor, INCOMPLETE_BELOW, { page: 1, pageSize: 1 });
  const generation = generationOf(run);
  return {
    run: run ? { status: run.status as 'running' | 'done' | 'failed', startedAt: readTimestamp(run.started_at), finishedAt: readTimestamp(run.finished_at, true) } : null,
    counts: {
      duplicateGroups: await countKind(deps.db, actor.tenantId, ['duplicate_name', 'duplicate_mobile'], generation),
      lowCompleteness: low.total,
      invalidMobiles: await countKind(deps.db, actor.tenantId, ['invalid_mobile'], generation),
      invalidEmails: await countKind(deps.db, actor.tenantId, ['invalid_email'], generation),
    },
    threshold: INCOMPLETE_BELOW,
  };
}

async function issuePage(db: Db, tenantId: string, kinds: string[], q: { page: number; pageSize: number }) {
  const generation = await shownGeneration(db, tenantId);
  if (generation === null) return { rows: [], total: 0 };
  let page = db.selectFrom('data_quality_issues').selectAll().where('tenant_id', '=', tenantId).where('kind', 'in', kinds);
  if (generation !== 'all') page = page.where('computed_at', '=', generation);
  const rows = await page.orderBy('size', 'desc').orderBy('key').limit(q.pageSize).offset(offsetOf(q)).execute();
  return { rows, total: await countKind(db, tenantId, kinds, generation) };
}

/**
 * Duplicate groups, largest first. Each group shows the customers the user may see that are still live (a merge
 * resolves a group at once); a group with fewer than two left is shown with what remains, so paging stays stable.
 */
export async function duplicateGroups(deps: AppDeps, actor: Actor, q: { page: number; pageSize: number }): Promise<TPage<TDuplicateGroup>> {
  assertCan(actor, 'customers', 'manage');
  const { rows, total } = await issuePage(deps.db, actor.tenantId, ['duplicate_name', 'duplicate_mobile'], q);
  const ids = [...new Set(rows.flatMap((r) => readJson<string[]>(r.customer_ids, [])))];
  const customers = new Map((await customersByIds(deps, actor, ids)).map((c) => [c.id, c]));
  const items = rows.map((r) => ({
    id: r.id, kind: r.kind as TDuplicateGroup['kind'], key: r.key,
    customers: readJson<string[]>(r.customer_ids, []).map((id) => customers.get(id)).filter((c): c is NonNullable<typeof c> => !!c),
  }));
  return pageOf(items, total, q);
}

export async function invalidContacts(deps: AppDeps, actor: Actor, q: { kind: 'invalid_mobile' | 'invalid_email'; page: number; pageSize: number }): Promise<TPage<TInvalidContact>> {
  assertCan(actor, 'customers', 'manage');
  const { rows, total } = await issuePage(deps.db, actor.tenantId, [q.kind], q);
  const customers = new Map((await customersByIds(deps, actor, [...new Set(rows.flatMap((r) => readJson<string[]>(r.customer_ids, [])))])).map((c) => [c.id, c]));
  const items: TInvalidContact[] = [];
  for (const r of rows) {
    const d = readJson<{ contactId: string; contactName: string; value: string }>(r.detail, { contactId: '', contactName: '', value: '' });
    const customer = customers.get(readJson<string[]>(r.customer_ids, [])[0] ?? '');
    if (customer) items.push({ id: r.id, kind: q.kind, contactId: d.contactId, contactName: d.contactName, value: d.value, customer });
  }
  return pageOf(items, total, q);
}

export async function incompleteCustomers(deps: AppDeps, actor: Actor, q: { below: number; page: number; pageSize: number }) {
  assertCan(actor, 'customers', 'manage');
  return lowCompletenessCustomers(deps, actor, q.below, q);
}
