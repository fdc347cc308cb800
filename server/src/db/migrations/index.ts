import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';
import * as m1500 from './2026-11-23T1500-create-app-settings';
import * as m1501 from './2026-11-23T1501-create-tenants';
import * as m1502 from './2026-11-23T1502-create-departments';
import * as m1503 from './2026-11-23T1503-create-roles';
import * as m1504 from './2026-11-23T1504-create-users';
import * as m1505 from './2026-11-23T1505-create-sessions';
import * as m1506 from './2026-11-23T1506-create-api-tokens';
import * as m1507 from './2026-11-23T1507-create-login-throttle';
import * as m1508 from './2026-11-23T1508-create-audit-log';
import * as m1509 from './2026-11-23T1509-create-sensitive-access-log';

export type DialectMigration = {
  up(db: Kysely<any>, dialect: DialectName): Promise<void>;
  down(db: Kysely<any>, dialect: DialectName): Promise<void>;
};

/** Every migration in order. Listed here (not read from disk) so the set is the same under tsx, Vitest and bundles. */
export const MIGRATIONS: Record<string, DialectMigration> = {
  '2026-11-23T1500-create-app-settings': m1500,
  '2026-11-23T1501-create-tenants': m1501,
  '2026-11-23T1502-create-departments': m1502,
  '2026-11-23T1503-create-roles': m1503,
  '2026-11-23T1504-create-users': m1504,
  '2026-11-23T1505-create-sessions': m1505,
  '2026-11-23T1506-create-api-tokens': m1506,
  '2026-11-23T1507-create-login-throttle': m1507,
  '2026-11-23T1508-create-audit-log': m1508,
  '2026-11-23T1509-create-sensitive-access-log': m1509,
};
