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
import * as m1600 from './2026-11-23T1600-create-dictionaries';
import * as m1601 from './2026-11-23T1601-create-custom-fields';
import * as m1602 from './2026-11-23T1602-create-customers';
import * as m1603 from './2026-11-23T1603-create-contacts';
import * as m1604 from './2026-11-23T1604-create-tags';
import * as m1605 from './2026-11-23T1605-create-customer-tags';
import * as m1606 from './2026-11-23T1606-create-sequences';
import * as m1607 from './2026-11-23T1607-create-timeline-events';
import * as m1608 from './2026-11-23T1608-create-customer-search-index';
import * as m1609 from './2026-11-23T1609-create-tenant-settings';
import * as m1610 from './2026-11-23T1610-create-notifications';
import * as m1611 from './2026-11-23T1611-create-pools';
import * as m1612 from './2026-11-23T1612-add-customer-pool-columns';
import * as m1613 from './2026-11-23T1613-create-job-runs';
import * as m1700 from './2026-11-23T1700-create-attachments';
import * as m1701 from './2026-11-23T1701-create-saved-views';
import * as m1800 from './2026-11-23T1800-add-customers-live-follow-up-index';
import * as m1801 from './2026-11-23T1801-add-customers-live-status-follow-up-index';
import * as m1802 from './2026-11-23T1802-drop-customers-tenant-status-index';
import * as m1803 from './2026-11-23T1803-add-customers-live-updated-index';
import * as m1804 from './2026-11-23T1804-drop-customers-tenant-updated-index';
import * as m1900 from './2026-11-23T1900-create-jobs';
import * as m1901 from './2026-11-23T1901-create-email-outbox';
import * as m2000 from './2026-11-23T2000-create-followups';
import * as m2001 from './2026-11-23T2001-create-tasks';
import * as m2002 from './2026-11-23T2002-create-task-series';
import * as m2003 from './2026-11-23T2003-create-interactions';
import * as m2004 from './2026-11-23T2004-add-customers-follow-up-due';
import * as m2100 from './2026-11-23T2100-create-imports';
import * as m2101 from './2026-11-23T2101-create-exports';
import * as m2102 from './2026-11-23T2102-create-data-quality';
import * as m2103 from './2026-11-23T2103-add-live-id-indexes';
import * as m2200 from './2026-11-23T2200-add-customers-owner-follow-up-due-index';
import * as m2300 from './2026-11-23T2300-customer-search-bulk-insert';
import * as m1204a from './2026-12-04T1000-add-customers-owner-status-follow-up-index';

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
  '2026-11-23T1600-create-dictionaries': m1600,
  '2026-11-23T1601-create-custom-fields': m1601,
  '2026-11-23T1602-create-customers': m1602,
  '2026-11-23T1603-create-contacts': m1603,
  '2026-11-23T1604-create-tags': m1604,
  '2026-11-23T1605-create-customer-tags': m1605,
  '2026-11-23T1606-create-sequences': m1606,
  '2026-11-23T1607-create-timeline-events': m1607,
  '2026-11-23T1608-create-customer-search-index': m1608,
  '2026-11-23T1609-create-tenant-settings': m1609,
  '2026-11-23T1610-create-notifications': m1610,
  '2026-11-23T1611-create-pools': m1611,
  '2026-11-23T1612-add-customer-pool-columns': m1612,
  '2026-11-23T1613-create-job-runs': m1613,
  '2026-11-23T1700-create-attachments': m1700,
  '2026-11-23T1701-create-saved-views': m1701,
  '2026-11-23T1800-add-customers-live-follow-up-index': m1800,
  '2026-11-23T1801-add-customers-live-status-follow-up-index': m1801,
  '2026-11-23T1802-drop-customers-tenant-status-index': m1802,
  '2026-11-23T1803-add-customers-live-updated-index': m1803,
  '2026-11-23T1804-drop-customers-tenant-updated-index': m1804,
  '2026-11-23T1900-create-jobs': m1900,
  '2026-11-23T1901-create-email-outbox': m1901,
  '2026-11-23T2000-create-followups': m2000,
  '2026-11-23T2001-create-tasks': m2001,
  '2026-11-23T2002-create-task-series': m2002,
  '2026-11-23T2003-create-interactions': m2003,
  '2026-11-23T2004-add-customers-follow-up-due': m2004,
  '2026-11-23T2100-create-imports': m2100,
  '2026-11-23T2101-create-exports': m2101,
  '2026-11-23T2102-create-data-quality': m2102,
  '2026-11-23T2103-add-live-id-indexes': m2103,
  '2026-11-23T2200-add-customers-owner-follow-up-due-index': m2200,
  '2026-11-23T2300-customer-search-bulk-insert': m2300,
  '2026-12-04T1000-add-customers-owner-status-follow-up-index': m1204a,
};
