// Paracrine's own xAPI verbs, published at their IRIs (<site>/xapi/verbs/<name>) so that an LRS, or a
// person reading a statement, can resolve what the verb means. ADL's verbs are defined by ADL: 404 here.
import { NextResponse } from "next/server";
import { paracrineVerbDocument, xapiSite } from "@/lib/data/xapi";
import { errorResponse, route } from "@/lib/http/route";

export const GET = route("xapi/verbs", async (request: Request, { params }: { params: Promise<{ verb: string }> }) => {
  const { verb } = await params;
  const doc = paracrineVerbDocument(verb, xapiSite(request.url));
  if (!doc) return errorResponse("NOT_FOUND", "No such Paracrine verb.", 404);
  return NextResponse.json(doc, { headers: { "Cache-Control": "public, max-age=86400" } });
});
