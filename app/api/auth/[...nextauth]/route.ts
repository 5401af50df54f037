import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/config";
import { errorResponse, route } from "@/lib/http/route";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// NextAuth parses a JSON body with req.json() and answers a malformed one with a 500; it also accepts
// any body size. The request guard (server/request-guard.mjs) caps the size; here a JSON body must be
// an object, else 400, before NextAuth sees it.
async function handler(req: Request, ctx: Ctx): Promise<Response> {
  if (req.method === "POST" && (req.headers.get("content-type") ?? "").includes("application/json")) {
    const text = await req.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return errorResponse("VALIDATION", "The request body is not valid JSON.", 400);
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) return errorResponse("VALIDATION", "The request body must be a JSON object.", 400);
    req = new Request(req.url, { method: req.method, headers: req.headers, body: text });
  }
  return NextAuth(authOptions())(req, ctx);
}

const wrapped = route("api/auth", handler);
export { wrapped as GET, wrapped as POST };
