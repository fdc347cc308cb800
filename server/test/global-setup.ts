import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { createDb } from '../src/db/create-db';
import { migrateToLatest } from '../src/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

let adminUrl: string | null = null;
let dbName = '';

/**
 * With TEST_POSTGRES_URL set, creates a fresh database for this run (migrated once), hands its URL to the tests
 * and drops it afterwards. Tests share it safely because each test creates its own tenant.
 */
export async function setup(project: TestProject) {
  adminUrl = process.env.TEST_POSTGRES_URL ?? null;
  if (!adminUrl) {
    project.provide('postgresUrl', null);
    return;
  }
  dbName = `guanxi_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const handle = createDb(url.toString(), { poolSize: 2 });
  await migrateToLatest(handle.db, handle.dialect);
  await handle.destroy();
  project.provide('postgresUrl', url.toString());
}

export async function teardown() {
  if (!adminUrl || !dbName) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
