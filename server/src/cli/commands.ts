import { ZSignupRequest } from '@guanxi/common/auth';
import { resolveLocale, type Locale } from '@guanxi/common/i18n';
import { ZCreateApiTokenRequest } from '@guanxi/common/tokens';
import { ZCreateUserRequest } from '@guanxi/common/users';
import { issuesToDetails } from '@guanxi/common/validation';
import type { z } from 'zod';
import type { Config } from '../config';
import { createDb, type DbHandle } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { findActiveActor, type Actor } from '../lib/actor';
import { systemClock } from '../lib/clock';
import { AppError } from '../lib/errors';
import { errorBody, type AppDeps } from '../lib/http';
import { createLogger } from '../lib/logger';
import { loadOrCreateSecret } from '../lib/secret';
import { startServer } from '../server';
import { createTenant } from '../features/tenants/tenants.service';
import { createToken } from '../features/tokens/tokens.service';
import { createUser } from '../features/users/users.service';
import { BENCH_HELP, runBenchCommand } from './bench-command';
import { runSeedCommand } from './seed-command';
import { IMPORT_HELP, runImportCommand } from './import-command';
import { EXPORT_HELP, runExportCommand } from './export-command';

type Values = Record<string, string | boolean | undefined>;

const COMMAND_HELP: Record<string, string> = {
  serve: 'npx guanxi serve\n  Starts the app on HOST:PORT (default 127.0.0.1:3000) with DATABASE_URL (default sqlite:./data/guanxi.db).',
  migrate: 'npx guanxi migrate\n  Applies every pending migration to DATABASE_URL and exits.',
  'org create':
    'npx guanxi org create --name NAME --admin-email EMAIL --admin-password PASSWORD [--admin-name NAME]\n' +
    '  [--admin-mobile MOBILE] [--industry TEXT] [--staff-size 1-20|21-100|101-500|501-1000|1000+]',
  'user create':
    'npx guanxi user create --org ORG-ID-OR-MEMBER-EMAIL --name NAME --email EMAIL --password PASSWORD --mobile MOBILE\n' +
    '  [--role admin|sales|service|marketing|manager] [--department NAME]',
  'token create': 'npx guanxi token create --user EMAIL --name NAME [--expires 2027-01-01T00:00:00Z]\n  Prints the token once.',
  seed:
    'npx guanxi seed --demo [--customers N] [--org ORG-ID-OR-MEMBER-EMAIL] [--seed NUMBER]\n' +
    '  Creates an enterprise account with demo data (or fills --org): 8 departments, 50 users, ~30 tags and N customers\n' +
    '  (default 1000) with 1-2 contacts each. Prints the logins; every demo user has the same printed password.\n' +
    '  The account ends up with at least N customers: a rerun on it continues an interrupted run.',
  bench: BENCH_HELP,
  import: IMPORT_HELP,
  export: EXPORT_HELP,
};

const str = (v: string | boolean | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

async function openDeps(config: Config): Promise<{ deps: AppDeps; handle: DbHandle }> {
  const handle = createDb(config.DATABASE_URL);
  await migrateToLatest(handle.db, handle.dialect);
  const secret = await loadOrCreateSecret(handle.db, config.GUANXI_SECRET);
  const deps: AppDeps = { db: handle.db, dialect: handle.dialect, config, clock: systemClock, logger: createLogger('warn'), secret };
  return { deps, handle };
}

function parse<T extends z.ZodType>(schema: T, input: unknown, locale: Locale): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const lines = issuesToDetails(r.error.issues, input, locale).map((d) => d.message);
  throw new Error(lines.join('; '));
}

/** The tenant's system actor: what the CLI acts as (all rights, all data, audited as "CLI"). */
async function systemActor(deps: AppDeps, org: string): Promise<Actor> {
  const byUser = await deps.db.selectFrom('users').select('tenant_id').where('email', '=', org.toLowerCase()).executeTakeFirst();
  const tenantId = byUser?.tenant_id ?? org;
  const tenant = await deps.db.selectFrom('tenants').select('id').where('id', '=', tenantId).executeTakeFirst();
  if (!tenant) throw new Error(`no enterprise account found for "${org}" (give its id or a member's email)`);
  return {
    tenantId, userId: 'system', name: 'CLI', departmentId: null, departmentPath: null, roleId: 'system', roleCode: null,
    dataScope: 'all', permissions: {}, viewSensitive: true, locale: 'en', ip: null, via: 'system',
  };
}

async function withDeps<T>(config: Config, fn: (deps: AppDeps) => Promise<T>): Promise<T> {
  const { deps, handle } = await openDeps(config);
  try {
    return await fn(deps);
  } catch (err) {
    if (err instanceof AppError) {
      const body = errorBody(resolveLocale(process.env.LANG?.replace('_', '-')), err);
      throw new Error([body.error.message, ...(body.error.details ?? []).map((d) => d.message)].join(': '), { cause: err });
    }
    throw err;
  } finally {
    await handle.destroy();
  }
}

/** Runs one CLI command; returns the exit status (-1: keep running, for `serve`). */
export async function runCommand(positionals: string[], values: Values, config: Config, help: string): Promise<number> {
  const name = positionals[0] === 'org' || positionals[0] === 'user' || positionals[0] === 'token' ? positionals.slice(0, 2).join(' ') : positionals[0]!;
  const usage = COMMAND_HELP[name];
  if (!usage) {
    process.stderr.write(`guanxi: unknown command "${positionals.join(' ')}"\n\n${help}\n`);
    return 1;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const locale: Locale = resolveLocale(process.env.LANG?.replace('_', '-'));

  switch (name) {
    case 'serve': {
      const server = await startServer(config);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'migrate': {
      const handle = createDb(config.DATABASE_URL);
      try {
        const applied = await migrateToLatest(handle.db, handle.dialect);
        process.stdout.write(applied.length ? `applied ${applied.length} migration(s)\n` : 'schema is up to date\n');
      } finally {
        await handle.destroy();
      }
      return 0;
    }
    case 'org create': {
      const input = parse(ZSignupRequest, {
        companyName: str(values.name), industry: str(values.industry) ?? '其他', staffSize: str(values['staff-size']) ?? '1-20',
        adminName: str(values['admin-name']) ?? '管理员', email: str(values['admin-email']),
        mobile: str(values['admin-mobile']) ?? '13800000000', password: str(values['admin-password']),
      }, locale);
      const t = await withDeps(config, (deps) => createTenant(deps, input, locale));
      process.stdout.write(`created enterprise account ${t.tenantId} with admin ${input.email}\n`);
      return 0;
    }
    case 'user create': {
      const org = str(values.org);
      if (!org) throw new Error('--org is required (the account id or the email of one of its users)');
      await withDeps(config, async (deps) => {
        const actor = await systemActor(deps, org);
        const role = await deps.db.selectFrom('roles').select('id').where('tenant_id', '=', actor.tenantId)
          .where('code', '=', str(values.role) ?? 'sales').executeTakeFirst();
        if (!role) throw new Error(`no role with code "${str(values.role)}"`);
        const deptName = str(values.department);
        const dept = deptName
          ? await deps.db.selectFrom('departments').select('id').where('tenant_id', '=', actor.tenantId).where('name', '=', deptName).executeTakeFirst()
          : undefined;
        if (deptName && !dept) throw new Error(`no department named "${deptName}"`);
        const input = parse(ZCreateUserRequest, {
          name: str(values.name), email: str(values.email), mobile: str(values.mobile), password: str(values.password),
          roleId: role.id, departmentId: dept?.id ?? null,
        }, locale);
        const user = await createUser(deps, actor, input);
        process.stdout.write(`created user ${user.id} <${user.email}>\n`);
      });
      return 0;
    }
    case 'token create': {
      const email = str(values.user);
      if (!email) throw new Error('--user is required (the email of the user the token acts as)');
      const input = parse(ZCreateApiTokenRequest, { name: str(values.name), expiresAt: str(values.expires) ?? null }, locale);
      await withDeps(config, async (deps) => {
        const user = await deps.db.selectFrom('users').select(['id', 'tenant_id']).where('email', '=', email.toLowerCase()).executeTakeFirst();
        const actor = user && (await findActiveActor(deps.db, { userId: user.id, tenantId: user.tenant_id }, { locale, ip: null, via: 'session' }));
        if (!actor) throw new Error(`no active user with email "${email}"`);
        const token = await createToken(deps, actor, input);
        process.stdout.write(`${token.token}\n`);
      });
      return 0;
    }
    case 'seed':
      return withDeps(config, (deps) => runSeedCommand(deps, values));
    case 'import':
      return withDeps(config, (deps) => runImportCommand(deps, positionals.slice(1), values));
    case 'export':
      return withDeps(config, (deps) => runExportCommand(deps, values));
    case 'bench': {
      await runBenchCommand(values, config);
      return 0;
    }
  }
  return 1;
}
