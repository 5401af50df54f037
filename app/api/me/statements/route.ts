// "Your data": the signed-in learner's own learning record as xAPI statements, as a download
// (format in docs/xapi.md).
// Only the session decides whose statements: there is no id parameter to tamper with.
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { exportStatements, xapiSite } from "@/lib/data/xapi";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route("api/me/statements", async (request: Request) => {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Please sign in first." } }, { status: 401 });
  const statements = await exportStatements(user.id, xapiSite(request.url));
  if (!statements) return NextResponse.json({ error: { code: "UNAUTHENTICATED", message: "Please sign in first." } }, { status: 401 });
  const day = new Date().toISOString().slice(0, 10);
  return new NextResponse(JSON.stringify(statements, null, 2), {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="paracrine-statements-${day}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
});
