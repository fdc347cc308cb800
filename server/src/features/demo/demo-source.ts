import { Worker } from 'node:worker_threads';
import { demoPlan, type DemoPlanInput } from './demo-plan';
import { demoBatch, type DemoBatch } from './demo-rows';

/** Where batches come from: generated on this thread, or on a worker thread while this one writes. */
export type BatchSource = {
  generate(start: number, numbers: string[]): Promise<DemoBatch>;
  close(): Promise<void>;
};

export function inlineSource(input: DemoPlanInput): BatchSource {
  const plan = demoPlan(input);
  return { generate: async (start, numbers) => demoBatch(plan, start, numbers), close: async () => {} };
}

/**
 * Generation on a worker thread. Making a customer (pinyin of its name, normalised name, completeness) costs
 * about as much CPU as writing it, so on two cores generating batch k+1 while batch k is written nearly halves a
 * big run. Requests are answered in order, one message per batch.
 */
export function workerSource(input: DemoPlanInput): BatchSource {
  // Worker threads do not inherit the TypeScript loader of the main thread (Node 20): the .mjs bootstrap registers
  // tsx, then imports the worker module named here.
  const worker = new Worker(new URL('./demo-worker-bootstrap.mjs', import.meta.url), {
    workerData: { entry: new URL('./demo-worker.ts', import.meta.url).href, input },
  });
  const waiting: Array<{ resolve: (b: DemoBatch) => void; reject: (e: unknown) => void }> = [];
  let failure: unknown;
  const fail = (err: unknown) => {
    failure ??= err;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  worker.on('message', (batch: DemoBatch) => waiting.shift()?.resolve(batch));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`demo data worker stopped (exit code ${code})`)));
  return {
    generate(start, numbers) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        worker.postMessage({ start, numbers });
      });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}
