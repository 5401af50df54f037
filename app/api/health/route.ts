import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/data/health";
import { RETRY_AFTER_SECONDS } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export async function GET() {
  const result = await checkDatabase();
  if (!result.ok)
    return NextResponse.json({ status: "error", error: { code: "UNAVAILABLE", message: "The database is unreachable." } }, { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } });
  return NextResponse.json({ status: "ok", database: result.kind });
}
