// callbackUrl only ever leads to this site. The URL is resolved the way a browser resolves it (WHATWG
// URL parsing: tabs and newlines dropped, backslashes read as slashes, dot segments removed), and only
// a same-origin result whose path does not start with two slashes is accepted: "/.//evil.example"
// resolves to the path "//evil.example", which a browser given it as a Location reads as another host.
export function safeCallbackUrl(url: string | null | undefined, baseUrl: string): string {
  if (!url) return baseUrl;
  let base: URL;
  let target: URL;
  try {
    base = new URL(baseUrl);
    target = new URL(url, base);
  } catch {
    return baseUrl;
  }
  if (target.origin !== base.origin) return baseUrl;
  if (target.username || target.password) return baseUrl;
  if (/^[/\\]{2}/.test(target.pathname)) return baseUrl;
  return target.toString();
}

/** The path part of a safe callback, for links inside the app ("/dashboard" when unsafe). */
export function safeCallbackPath(url: string | null | undefined, fallback = "/dashboard"): string {
  const base = "http://paracrine.invalid";
  const safe = safeCallbackUrl(url, base);
  if (safe === base || safe === `${base}/`) return url === "/" ? "/" : fallback;
  const u = new URL(safe);
  // safeCallbackUrl refused any path starting with two slashes, so this is never protocol-relative.
  return `${u.pathname}${u.search}${u.hash}`;
}
