import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DialectName } from './dialect';
import { MIGRATIONS } from './migrations/index';

class DialectMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      out[name] = { up: (db) => m.up(db, this.dialect), down: (db) => m.down(db, this.dialect) };
    }
    return out;
  }
}

function migrator(db: Kysely<any>, dialect: DialectName): Migrator {
  return new Migrator({ db, provider: new DialectMigrationProvider(dialect) });
}

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  const { error, results } = await migrator(db, dialect).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Undoes every migration, newest first (used by the migrations' own down() test). */
export async function migrateAllDown(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const m = migrator(db, dialect);
  for (;;) {
    const { error, results } = await m.migrateDown();
    if (error) throw error;
    if (!results || results.length === 0) return;
  }
}
