// Who the client is, for rate limits and the audit trail. The production server (server/serve.mjs)
// computes it from the socket and the trusted proxy hops (TRUSTED_PROXY_HOPS) and puts it in
// x-paracrine-client, overwriting anything a client sent; app code reads only that. Without that
// server (next dev), the last X-Forwarded-For entry is what Next.js itself filled in from the socket.
type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined;

export const CLIENT_HEADER = "x-paracrine-client";

function get(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

export function clientIdFromHeaders(headers: HeaderBag): string {
  const fromServer = get(headers, CLIENT_HEADER)?.trim();
  if (fromServer) return fromServer.slice(0, 100);
  const xff = get(headers, "x-forwarded-for");
  const last = xff?.split(",").pop()?.trim();
  return last ? last.slice(0, 100) : "unknown";
}
