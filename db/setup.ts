// What every start needs before serving: the schema at the latest migration and the default catalogue.
import { migrateDatabase, openDatabase, type Db } from './index';
import { ensureDefaultCatalogue } from './queries/catalogue';

export function prepareDatabase(db: Db): Db {
  migrateDatabase(db);
  ensureDefaultCatalogue(db);
  return db;
}

/** A fresh in-memory database with the real migrations and catalogue, for tests. */
export function openTestDatabase(): Db {
  return prepareDatabase(openDatabase(':memory:'));
}
