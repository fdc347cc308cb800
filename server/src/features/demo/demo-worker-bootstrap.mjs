// Starts the demo data worker under tsx: worker threads do not inherit the loader the CLI registered (Node 20).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
