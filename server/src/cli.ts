import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { runCommand } from './cli/commands';

const HELP = `Guanxi CRM (关系) — command line

Usage: npx guanxi <command> [options]

Commands:
  serve                         Start the web app and API (what npm start runs)
  migrate                       Bring the database schema up to date
  org create                    Create an enterprise account with its admin
      --name NAME --admin-email EMAIL --admin-password PASSWORD
      [--admin-name NAME] [--admin-mobile MOBILE] [--industry TEXT] [--staff-size 1-20|21-100|101-500|501-1000|1000+]
  user create                   Add a user to an enterprise account
      --org-admin EMAIL --name NAME --email EMAIL --password PASSWORD --mobile MOBILE
      [--role admin|sales|service|marketing|manager] [--department NAME]
  token create                  Create an API token for a user and print it once
      --user EMAIL --name NAME [--expires ISO-DATE]
  seed --demo                   Fill a new (or --org) enterprise account with realistic Chinese demo data
      [--customers N (1000)] [--org ID-OR-EMAIL] [--seed NUMBER]
  bench                         Measure lists, search and writes at scale against the real server
      [--db URL (sqlite:./data/bench.db)] [--customers N (1000000)] [--out FILE] [--requests N] [--only NAME,…]
  import FILE --type T          Import customers (with their first contact), contacts or followups from xlsx or csv (same engine as the web wizard)
      [--mapping FILE] [--policy skip|update|create] [--org ID-OR-EMAIL] [--user EMAIL] [--resume ID]
  export --type customers --out FILE  Export a list (as filtered) to xlsx or csv
      [--format xlsx|csv] [--filter JSON] [--q KEYWORD] [--columns a,b,…] [--org ID-OR-EMAIL] [--user EMAIL]

Settings come from the environment (and .env): DATABASE_URL, PORT, HOST, GUANXI_SECRET, …
Run any command with --help for its options.`;

const STRING_OPTIONS = [
  'name', 'industry', 'staff-size', 'admin-name', 'admin-email', 'admin-password', 'admin-mobile', 'org', 'email',
  'password', 'mobile', 'role', 'department', 'user', 'expires', 'db', 'customers', 'out', 'type', 'mapping', 'seed',
  'requests', 'concurrency', 'duration', 'only', 'policy', 'resume', 'batch', 'format', 'filter', 'q', 'sort', 'columns',
] as const;
const OPTIONS = {
  ...Object.fromEntries(STRING_OPTIONS.map((o) => [o, { type: 'string' as const }])),
  help: { type: 'boolean' as const, short: 'h' },
  demo: { type: 'boolean' as const },
};

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: OPTIONS });
  if (positionals.length === 0 || (values.help && positionals.length === 0)) {
    process.stdout.write(`${HELP}\n`);
    return positionals.length === 0 && !values.help ? 1 : 0;
  }
  return runCommand(positionals, values, loadConfig(), HELP);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`guanxi: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
