// Failure injection for atomicity tests, without mocks: a database trigger that aborts the INSERT of a
// chosen row, on SQLite and PostgreSQL alike. The operation under test then fails part-way, for real,
// and the test asserts that nothing it wrote before the failure remains.
import { randomBytes } from "node:crypto";
import { currentDatabaseKind, db } from "@/lib/db";

/** Makes every INSERT into `table` whose `column` equals `value` fail; returns a function that removes the trap. */
export async function failInsertsWhere(table: string, column: string, value: string): Promise<() => Promise<void>> {
  const name = `fault_${randomBytes(4).toString("hex")}`;
  const literal = `'${value.replace(/'/g, "''")}'`;
  if (currentDatabaseKind() === "sqlite") {
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" WHEN NEW."${column}" = ${literal} BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name}`));
  }
  await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN IF NEW."${column}" = ${literal} THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name} ON "${table}"`);
    await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${name}()`);
  };
}
