import { BenchHttp, sessionHeaders, type BenchSession } from './bench-http';
import type { BenchScenario, BenchStep, Who } from './bench-scenarios';
import { summarize, type LatencySummary } from './bench-stats';

export type MixedResult = {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  /** The first few distinct error reasons, to tell a timeout from a 500 from a wrong answer. */
  errorSamples: string[];
  latency: LatencySummary;
};

/**
 * The mixed read workload: `connections` keep-alive connections, each sending the steps of the read scenarios in
 * turn (each starting at a different scenario and iteration) as fast as answers come back, for `seconds`.
 * A bounded loop of our own rather than a load-generator dependency: it runs only against 127.0.0.1.
 */
export async function runMixed(opts: {
  url: URL; sessions: Record<Who, BenchSession>; scenarios: BenchScenario[]; connections: number; seconds: number;
}): Promise<MixedResult> {
  const reads = opts.scenarios.filter((s) => s.kind === 'read');
  if (reads.length === 0) throw new Error('the mixed workload needs read scenarios');
  const client = new BenchHttp(opts.url, opts.connections);
  const latencies: number[] = [];
  const errorSamples = new Set<string>();
  let errors = 0;
  const deadline = Date.now() + opts.seconds * 1000;
  const started = process.hrtime.bigint();

  const worker = async (w: number) => {
    let queue: BenchStep[] = [];
    for (let n = 0; Date.now() < deadline; n++) {
      if (queue.length === 0) {
        const scenario = reads[(w + n) % reads.length]!;
        queue = scenario.steps(w * 1000 + n);
      }
      const step = queue.shift()!;
      try {
        const res = await client.send(step.req, sessionHeaders(opts.sessions[step.who], step.req.method));
        latencies.push(res.ms);
        // Status only: parsing every answer would cost the client a core the server needs (the single-request
        // scenarios check the bodies).
        if (res.status !== 200) {
          errors++;
          if (errorSamples.size < 5) errorSamples.add(`${step.req.path.split('?')[0]}: status ${res.status} ${res.text.slice(0, 120)}`);
        }
      } catch (err) {
        errors++;
        if (errorSamples.size < 5) errorSamples.add(err instanceof Error ? err.message : String(err));
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, (_, w) => worker(w)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  client.close();
  return {
    connections: opts.connections, seconds, requests: latencies.length, requestsPerSecond: latencies.length / seconds,
    errors, errorSamples: [...errorSamples], latency: summarize(latencies),
  };
}
