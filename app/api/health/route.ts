import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/data/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const result = await checkDatabase();
  if (!result.ok) return NextResponse.json({ status: "error", error: { code: "UNAVAILABLE", message: "The database is unreachable." } }, { status: 503 });
  return NextResponse.json({ status: "ok", database: result.kind });
}
