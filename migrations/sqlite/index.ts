/**
 * The ordered registry of local migrations. Files are listed explicitly so packaging can never
 * lose or reorder one; tests/db/migrations.test.ts checks that every .sql file here is listed.
 * Never edit a migration that has shipped: add a new one.
 */
export interface SqliteMigration {
  version: number;
  file: string;
}

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  { version: 1, file: '0001_init.sql' },
  { version: 2, file: '0002_patient_search.sql' },
  { version: 3, file: '0003_sync.sql' },
  { version: 4, file: '0004_recall_indexes.sql' },
  { version: 5, file: '0005_day_indexes.sql' },
  { version: 6, file: '0006_recall_facts.sql' },
  { version: 7, file: '0007_deferred_indexes.sql' },
  { version: 8, file: '0008_recall_facts_rebuild.sql' },
  { version: 9, file: '0009_payment_idempotency.sql' },
  { version: 10, file: '0010_status_lead_minutes.sql' },
];
