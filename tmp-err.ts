import { createDb } from "@/prisma/client";
const db = createDb("postgresql://postgres@127.0.0.1:1/none");
try { await db.user.count(); } catch (e) { const x = e as any; console.log("REFUSED", x.constructor.name, x.code, x.name, JSON.stringify(x.meta), String(x.message).slice(0,200), x.cause?.kind ?? x.cause); }
try { await db.$queryRawUnsafe("select 1"); } catch (e) { const x = e as any; console.log("REFUSED raw", x.constructor.name, x.code, JSON.stringify(x.meta), String(x.message).slice(0,200)); }
const db2 = createDb("postgresql://postgres@127.0.0.1:5432/dt1");
await db2.$executeRawUnsafe("SET lock_timeout = 1000");
try { await db2.$queryRawUnsafe("select pg_sleep(0.01); SELECT 1/0"); } catch (e) { const x = e as any; console.log("DIV", x.constructor.name, x.code, JSON.stringify(x.meta), String(x.message).slice(0,200)); }
try { await db2.$queryRawUnsafe("select * from \"NoSuch\""); } catch (e) { const x = e as any; console.log("NOSUCH", x.constructor.name, x.code, JSON.stringify(x.meta), String(x.message).slice(0,300)); }
try { await db2.$executeRawUnsafe("SET statement_timeout = 100"); await db2.$queryRawUnsafe("select pg_sleep(1)"); } catch (e) { const x = e as any; console.log("STMT", x.constructor.name, x.code, JSON.stringify(x.meta), String(x.message).slice(0,300)); }
process.exit(0);
