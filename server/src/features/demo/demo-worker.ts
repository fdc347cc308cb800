import { parentPort, workerData } from 'node:worker_threads';
import { demoPlan, type DemoPlanInput } from './demo-plan';
import { demoBatch } from './demo-rows';

// The worker side of workerSource: one plan for the run, one batch per request.
const plan = demoPlan((workerData as { input: DemoPlanInput }).input);
parentPort!.on('message', ({ start, numbers }: { start: number; numbers: string[] }) => {
  parentPort!.postMessage(demoBatch(plan, start, numbers));
});
