import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/guanxi.mjs', import.meta.url));

export type ServerProcess = {
  url: URL;
  pid: number;
  /** Peak resident memory of the server so far, in MiB (the larger of the kernel's VmHWM and our own samples). */
  peakRssMb(): number;
  /** Current resident memory, in MiB. */
  rssMb(): number;
  stop(): Promise<void>;
};

/** A port nobody listens on right now (the server gets it a moment later; a clash would fail loudly at start). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // not Linux, or the process is gone
  }
}

async function waitForHealth(url: URL, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it was healthy:\n${output()}`);
    try {
      const res = await fetch(new URL('/api/health', url), { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server was not healthy within ${timeoutMs / 1000} s:\n${output()}`);
}

/**
 * Starts `guanxi serve` as a separate process (its own event loop and heap, as in production, so the bench's own
 * work neither slows it down nor hides in its memory figures) on a free loopback port, with scheduled jobs off (unless `env` turns them on).
 */
export async function startServerProcess(opts: { databaseUrl: string; env?: Record<string, string> }): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env, DATABASE_URL: opts.databaseUrl, PORT: String(port), HOST: '127.0.0.1', JOBS: 'off', LOG_LEVEL: 'warn',
      NODE_ENV: 'production', ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  // The server must not outlive the bench: not when the bench fails, nor when it is interrupted.
  const killChild = () => child.kill('SIGKILL');
  const onSignal = (signal: NodeJS.Signals) => {
    killChild();
    process.kill(process.pid, signal);
  };
  process.once('exit', killChild);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const forget = () => {
    process.off('exit', killChild);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  const url = new URL(`http://127.0.0.1:${port}`);
  const pid = child.pid!;
  let sampledKb = 0;
  const sample = () => {
    sampledKb = Math.max(sampledKb, statusKb(pid, 'VmRSS'));
  };
  const timer = setInterval(sample, 250);
  timer.unref();
  try {
    await waitForHealth(url, child, () => out, 120_000);
  } catch (err) {
    clearInterval(timer);
    forget();
    killChild();
    throw err;
  }
  return {
    url,
    pid,
    peakRssMb: () => {
      sample();
      return Math.max(sampledKb, statusKb(pid, 'VmHWM')) / 1024;
    },
    rssMb: () => statusKb(pid, 'VmRSS') / 1024,
    stop: async () => {
      clearInterval(timer);
      forget();
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
    },
  };
}
