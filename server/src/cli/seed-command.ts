import type { AppDeps } from '../lib/http';
import { DEMO_COMPANY, seedDemo, type SeedDemoOptions, type SeedProgress } from '../features/demo/demo-seed.service';

type Values = Record<string, string | boolean | undefined>;

const whole = (v: string | boolean | undefined, name: string, fallback?: number): number | undefined => {
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !/^\d+$/.test(v.replace(/[_,]/g, ''))) throw new Error(`--${name} must be a whole number`);
  return Number(v.replace(/[_,]/g, ''));
};

/** Progress on stderr at most every two seconds (stdout stays the summary a script can read). */
function progressPrinter() {
  let last = 0;
  return (p: SeedProgress) => {
    const now = Date.now();
    if (now - last < 2000 && p.done < p.total) return;
    last = now;
    const rate = Math.round(p.done / Math.max(0.001, p.elapsedMs / 1000));
    process.stderr.write(`  ${p.done.toLocaleString('en')} / ${p.total.toLocaleString('en')} customers (${rate.toLocaleString('en')}/s)\n`);
  };
}

/** `npx guanxi seed --demo [--customers N] [--org ID-OR-EMAIL] [--seed NUMBER]`; exit status 130 when stopped by Ctrl-C. */
export async function runSeedCommand(deps: AppDeps, values: Values): Promise<number> {
  if (!values.demo) throw new Error('seed needs --demo (the only kind of seed data there is)');
  const customers = whole(values.customers, 'customers', 1000)!;
  const org = typeof values.org === 'string' ? values.org : undefined;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  // The logins come first: they are what the user needs, and an interrupted run is continued with --org.
  const onAccount: SeedDemoOptions['onAccount'] = (a) => {
    out(a.admin ? `created demo enterprise account ${a.tenantId} (${DEMO_COMPANY})` : `filling enterprise account ${a.tenantId}`);
    if (a.admin) out(`admin login: ${a.admin.email} / ${a.admin.password}`);
    if (a.logins.length) out(`demo staff (password ${a.password}): ${a.logins.map((l) => `${l.role} ${l.name} <${l.email}>`).join(', ')}`);
    if (customers > a.customersBefore) process.stderr.write(`  (if interrupted, continue with: npx guanxi seed --demo --customers ${customers} --org ${a.tenantId})\n`);
  };
  // Ctrl-C stops after the batch being written and leaves the database complete (indexes rebuilt); a second one
  // kills the process (the next run then finishes the index rebuild).
  const stop = new AbortController();
  const onSigint = () => {
    process.stderr.write('  stopping after the current batch (Ctrl-C again to kill)…\n');
    stop.abort();
  };
  process.once('SIGINT', onSigint);
  const r = await seedDemo(deps, {
    customers, orgId: org, seed: whole(values.seed, 'seed'), signal: stop.signal, onAccount, onProgress: progressPrinter(),
    onStep: (m) => process.stderr.write(`  ${m}…\n`),
  }).finally(() => process.off('SIGINT', onSigint));
  const seconds = r.elapsedMs / 1000;
  const rate = r.customersAdded ? `, ${Math.round(r.customersAdded / seconds).toLocaleString('en')} customers/s` : '';
  out(`added ${r.customersAdded.toLocaleString('en')} customers in ${seconds.toFixed(1)} s${rate}; the account has ${(r.customersBefore + r.customersAdded).toLocaleString('en')}`);
  if (!r.interrupted) return 0;
  out(`stopped early; continue with: npx guanxi seed --demo --customers ${customers} --org ${r.tenantId}`);
  return 130;
}
