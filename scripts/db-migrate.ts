// npm run db:migrate: applies committed migrations to DATABASE_URL (SQLite by default).
import { migrate } from "../prisma/migrate";
import { DEFAULT_DATABASE_URL } from "../lib/env";

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
migrate(url)
  .then((applied) => console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date"))
  .catch((e: Error) => {
    console.error(`migration failed: ${e.message}`);
    process.exit(1);
  });
