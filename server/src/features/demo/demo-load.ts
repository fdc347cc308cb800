import { beginBulkLoad, finishBulkLoad } from '../../db/bulk-load';
import { demoPlan, type DemoPlanInput } from './demo-plan';
import { postgresDemoWriter } from './demo-postgres-writer';
import { dayCounts, numbersFor, type DemoBatch } from './demo-rows';
import { inlineSource, workerSource } from './demo-source';
import { sqliteDemoWriter } from './demo-sqlite-writer';
import type { DemoDeps } from './demo-seed.service';

/**
 * Columns a demo load fills in random order (ids, numbers and creation times only grow): in bulk-load mode the
 * indexes of customers and contacts over them are dropped and rebuilt once (see db/bulk-load).
 */
export const DEMO_RANDOM_ORDER = {
  tables: ['customers', 'contacts', 'followups', 'tasks', 'interactions'],
  columns: ['owner_id', 'pool_id', 'status', 'last_follow_up_at', 'follow_up_due_at', 'name_norm', 'mobile', 'email', 'follower_id', 'assignee_id', 'user_id'],
};

export type LoadProgress = { done: number; total: number; elapsedMs: number };
export type LoadOptions = {
  input: DemoPlanInput;
  /** Index of the first customer to make (the ones before exist). */
  from: number;
  batchSize: number;
  /** Generate on a worker thread while this one writes. */
  parallel: boolean;
  /** Drop random-order indexes for the load and rebuild them at the end. */
  bulk: boolean;
  /** Stops after the batch being written (Ctrl-C). */
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
  onStep?: (message: string) => void;
};

/**
 * Writes customers from..total of the plan, batch by batch. Batch k+1 is requested (numbers reserved, the worker
 * told) before batch k is written, so generation overlaps writing. PostgreSQL takes two batches at a time on two
 * connections (its server, not this process, is the bottleneck there); SQLite has one writer.
 */
export async function loadDemoCustomers(deps: DemoDeps, o: LoadOptions): Promise<{ added: number; interrupted: boolean }> {
  const started = Date.now();
  const { total, tenantId } = o.input;
  const plan = demoPlan(o.input);
  const writer = deps.dialect === 'sqlite' ? sqliteDemoWriter(deps.db, tenantId) : postgresDemoWriter(deps.db, tenantId);
  const source = o.parallel ? workerSource(o.input) : inlineSource(o.input);
  const concurrency = deps.dialect === 'postgres' ? 2 : 1;
  const numbers = async (start: number) => {
    const days = dayCounts(plan, start, Math.min(total, start + o.batchSize));
    return numbersFor(days, await writer.reserve(days));
  };
  let added = 0;
  const writing: Array<Promise<void>> = [];
  try {
    if (o.bulk) await beginBulkLoad(deps.db, deps.dialect, { ...DEMO_RANDOM_ORDER, fts: 'customers_fts' });
    let next: Promise<DemoBatch> | null = source.generate(o.from, await numbers(o.from));
    for (let start = o.from; next && !o.signal?.aborted; ) {
      // A turn of the event loop per batch: SQLite writes resolve as microtasks, and without it a Ctrl-C (a signal,
      // delivered as a macrotask) would only be seen once the whole load had finished.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (o.signal?.aborted) break;
      const batch: DemoBatch = await next;
      start += o.batchSize;
      next = start < total ? source.generate(start, await numbers(start)) : null;
      // A prefetched batch or a write may fail while nobody awaits it yet; the failure surfaces when it is awaited.
      next?.catch(() => {});
      const write = writer.write(batch).then(() => {
        added += batch.count;
        o.onProgress?.({ done: added, total: total - o.from, elapsedMs: Date.now() - started });
      });
      write.catch(() => {});
      writing.push(write);
      if (writing.length >= concurrency) await writing.shift();
    }
    await Promise.all(writing.splice(0));
    await writer.finish();
  } finally {
    // Let writes in flight settle before the bulk-load indexes are rebuilt, whatever happened; rebuild while the
    // writer's connection settings (big cache, in-memory temp store: the index sorts use both) still apply.
    await Promise.allSettled(writing);
    await source.close();
    try {
      await finishBulkLoad(deps.db, deps.dialect, o.onStep);
    } finally {
      await writer.close();
    }
  }
  return { added, interrupted: added < total - o.from };
}
