// callbackUrl only ever leads to this site: a same-origin absolute URL or a local path, never
// "//evil.example" or "/\evil.example" (which browsers treat as another host).
export function safeCallbackUrl(url: string | null | undefined, baseUrl: string): string {
  if (!url) return baseUrl;
  if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) {
    try {
      const resolved = new URL(url, baseUrl);
      if (resolved.origin === new URL(baseUrl).origin) return resolved.toString();
    } catch {
      return baseUrl;
    }
    return baseUrl;
  }
  try {
    const target = new URL(url);
    return target.origin === new URL(baseUrl).origin ? target.toString() : baseUrl;
  } catch {
    return baseUrl;
  }
}

/** The path part of a safe callback, for links inside the app ("/dashboard" when unsafe). */
export function safeCallbackPath(url: string | null | undefined, fallback = "/dashboard"): string {
  const base = "http://paracrine.invalid";
  const safe = safeCallbackUrl(url, base);
  if (safe === base || safe === `${base}/`) return url === "/" ? "/" : fallback;
  const u = new URL(safe);
  return `${u.pathname}${u.search}${u.hash}`;
}
