import type { Db } from '../db/database';
import type { Logger } from './logger';

type Loop = { busy: boolean; again: boolean; stopping: boolean; done: Promise<void> };

/**
 * One in-process worker loop per database handle (imports, exports): `kick` starts it without waiting, or asks a
 * running one to go round again; `stop` lets the current pass finish its batch and waits (server shutdown). The work
 * itself is durable elsewhere (leased rows), so another or a restarted process resumes it.
 */
export function backgroundLoop<D extends { db: Db; logger: Logger }>(name: string, pass: (deps: D, shouldStop: () => boolean) => Promise<unknown>) {
  const loops = new WeakMap<Db, Loop>();
  return {
    kick(deps: D): void {
      let state = loops.get(deps.db);
      if (!state) loops.set(deps.db, (state = { busy: false, again: false, stopping: false, done: Promise.resolve() }));
      const s = state;
      if (s.stopping) return;
      if (s.busy) {
        s.again = true;
        return;
      }
      s.busy = true;
      s.done = (async () => {
        try {
          do {
            s.again = false;
            await pass(deps, () => s.stopping);
          } while (s.again && !s.stopping);
        } catch (err) {
          deps.logger.error(`${name} runner failed`, { error: err instanceof Error ? err.message : String(err) });
        } finally {
          s.busy = false;
        }
      })();
    },
    async stop(db: Db): Promise<void> {
      const s = loops.get(db);
      if (!s) return;
      s.stopping = true;
      await s.done;
    },
  };
}
