// The hardening issue's findings, as an attacker would try them against the production server.
import { test, expect, signInViaApi, testDb } from "./fixtures";

const SECURITY = ["x-content-type-options", "x-frame-options", "referrer-policy", "content-security-policy"];

test.describe("hardening", () => {
  test("callbackUrl tricks never leave the site: immediate redirect and after a real sign-in", async ({ page, learner, browser }) => {
    const payloads = ["/.//evil.example", "/..//evil.example", "/%2e//evil.example", "/a/..//evil.example", "/./\\evil.example"];
    // Signed in: the sign-in page redirects at once.
    await signInViaApi(page.request, learner.email);
    for (const p of payloads) {
      const res = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(p)}`, { maxRedirects: 0 });
      const location = res.headers()["location"] ?? "";
      expect(location, p).not.toMatch(/^\/\/|^\/\\|evil\.example/);
    }
    // Signed out, through the form in a real browser.
    const ctx = await browser.newContext();
    const p2 = await ctx.newPage();
    await p2.goto(`/signin?callbackUrl=${encodeURIComponent("/.//evil.example")}`);
    await p2.getByLabel("Email").fill(learner.email);
    await p2.getByLabel("Password").fill(learner.password);
    await p2.getByRole("button", { name: "Sign in" }).click();
    await p2.waitForURL((u) => u.pathname === "/dashboard");
    expect(new URL(p2.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    await ctx.close();
  });

  test("sign-out ends the session on the server: a copied cookie stops working", async ({ browser, learner }) => {
    const a = await browser.newContext();
    await signInViaApi(a.request, learner.email);
    const cookie = (await a.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
    expect(cookie).toBeTruthy();
    const b = await browser.newContext();
    await b.addCookies([cookie]);
    expect((await b.request.get("/api/me/statements")).status()).toBe(200);
    // A normal sign-out in the first browser.
    const page = await a.newPage();
    await page.goto("/signout");
    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    // The copy no longer works, although its JWT has not expired.
    expect((await b.request.get("/api/me/statements")).status()).toBe(401);
    await Promise.all([a.close(), b.close()]);
  });

  test("oversized, chunked and malformed requests are refused with 4xx, never 500, and carry security headers", async ({ request }) => {
    const big = await request.post("/api/auth/callback/credentials", { data: "x".repeat(2 * 1024 * 1024), headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(big.status()).toBe(413);
    for (const h of SECURITY) expect(big.headers()[h], h).toBeTruthy();
    for (const path of ["/courses/%", "/assets/x/%", "/courses/%E0%A4%A"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
    }
    const csrf = await (await request.get("/api/auth/csrf")).json();
    expect(csrf.csrfToken).toBeTruthy();
    for (const body of ["{", "null", "[1]"]) {
      const res = await request.post("/api/auth/callback/credentials", { data: body, headers: { "content-type": "application/json" } });
      expect(res.status(), body).toBe(400);
    }
  });

  test("API responses and error pages carry the security headers and a CSP", async ({ request }) => {
    for (const path of ["/api/health", "/api/courses", "/api/courses/no-such-course", "/no-such-page"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBeLessThan(500);
      for (const h of SECURITY) expect(res.headers()[h], `${path} ${h}`).toBeTruthy();
    }
    const page = await request.get("/");
    expect(page.headers()["content-security-policy"]).toContain("report-uri /api/csp-report");
    expect(page.headers()["reporting-endpoints"]).toContain("/api/csp-report");
  });

  test("a client-sent X-Forwarded-For does not change who the client is", async ({ makeUser, playwright, baseURL }) => {
    const victim = await makeUser("LEARNER");
    const email = victim.email;
    // Five failures for one account, each claiming another address...
    for (let i = 0; i < 5; i++) {
      const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${i + 1}` } });
      const csrf = await (await ctx.get("/api/auth/csrf")).json();
      await ctx.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email, password: "wrong password", json: "true" } });
      await ctx.dispose();
    }
    // ...all counted against the one real client (this machine): the right password from it is now refused.
    const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.77" } });
    const csrf = await (await ctx.get("/api/auth/csrf")).json();
    const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email, password: victim.password, json: "true" }, maxRedirects: 0 });
    expect(res.headers()["location"] ?? (await res.text())).toContain("error");
    const keys = await testDb().rateLimit.findMany({ where: { key: { contains: email } }, select: { key: true, count: true } });
    expect(keys.some((k) => k.key.includes("203.0.113"))).toBe(false);
    expect(keys.find((k) => k.key.includes("127.0.0.1"))?.count).toBe(5);
    await ctx.dispose();
    await testDb().rateLimit.deleteMany({ where: { key: { contains: email } } });
  });
});
