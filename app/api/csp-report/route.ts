// Content-Security-Policy violation reports (report-uri and the Reporting API's report-to). Each report
// is logged as one JSON line with the fields an operator needs; the request guard caps the body at
// 16 KB and this route logs at most 60 reports a minute per process, so reports cannot flood the logs.
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";

const short = z.string().max(500).optional();
const legacySchema = z.object({
  "csp-report": z.object({ "document-uri": short, "violated-directive": short, "effective-directive": short, "blocked-uri": short, "source-file": short, "line-number": z.number().optional() }).passthrough(),
});
const reportingSchema = z.array(z.object({ type: z.string().max(100), url: short, body: z.object({ documentURL: short, effectiveDirective: short, blockedURL: short, sourceFile: short, lineNumber: z.number().optional() }).passthrough() })).max(20);

let windowStart = 0;
let logged = 0;
const PER_MINUTE = 60;

export const POST = route("api/csp-report", async (req: Request) => {
  let json: unknown;
  try {
    json = JSON.parse(await req.text());
  } catch {
    return NextResponse.json({ error: { code: "VALIDATION", message: "Send a CSP report as JSON." } }, { status: 400 });
  }
  const legacy = legacySchema.safeParse(json);
  const modern = reportingSchema.safeParse(json);
  if (!legacy.success && !modern.success) return NextResponse.json({ error: { code: "VALIDATION", message: "That is not a CSP report." } }, { status: 400 });
  const reports = legacy.success
    ? [{ page: legacy.data["csp-report"]["document-uri"], directive: legacy.data["csp-report"]["effective-directive"] ?? legacy.data["csp-report"]["violated-directive"], blocked: legacy.data["csp-report"]["blocked-uri"], source: legacy.data["csp-report"]["source-file"] }]
    : modern.data!.filter((r) => r.type === "csp-violation").map((r) => ({ page: r.body.documentURL ?? r.url, directive: r.body.effectiveDirective, blocked: r.body.blockedURL, source: r.body.sourceFile }));
  const now = Date.now();
  if (now - windowStart > 60_000) (windowStart = now), (logged = 0);
  for (const r of reports) if (logged++ < PER_MINUTE) console.warn(JSON.stringify({ msg: "csp-violation", ...r }));
  return new Response(null, { status: 204 });
});
