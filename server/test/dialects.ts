import { inject } from 'vitest';
import type { DialectName } from '../src/db/dialect';

/** The databases every data-layer test runs on: SQLite always, PostgreSQL when TEST_POSTGRES_URL is set. */
export const DIALECTS: DialectName[] = inject('postgresUrl') ? ['sqlite', 'postgres'] : ['sqlite'];

export function databaseUrl(dialect: DialectName): string {
  if (dialect === 'sqlite') return 'sqlite::memory:';
  const url = inject('postgresUrl');
  if (!url) throw new Error('PostgreSQL tests need TEST_POSTGRES_URL');
  return url;
}
