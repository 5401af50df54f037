// Throwaway PostgreSQL databases for tests: run one administrative statement on the server, and
// build the URL of a database on the same server.
export async function pgAdmin(serverUrl: string, sql: string): Promise<void> {
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export function databaseUrlOn(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}
