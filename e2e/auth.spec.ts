import { test, expect, expectNoAxeViolations, testDb } from "./fixtures";

test.describe("accounts", () => {
  test("sign up, sign out and sign in again through the UI @mobile", async ({ page }) => {
    const email = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;
    await page.goto("/signup");
    await expectNoAxeViolations(page);
    await page.getByLabel("Name").fill("Erin Example");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("password123");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("This password is too common")).toBeVisible();

    await page.getByLabel("Password", { exact: true }).fill("a gradient of local signals");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: /Welcome back, Erin/ })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/signout");
    await expectNoAxeViolations(page);
    await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);

    await expectNoAxeViolations(page);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password do not match an active account.")).toBeVisible();
    await page.getByLabel("Password").fill("a gradient of local signals");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await testDb().user.deleteMany({ where: { email } });
  });

  test("an unknown email gets the same answer as a wrong password", async ({ page, learner }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.test`);
    await page.getByLabel("Password").fill("whatever it is");
    await page.getByRole("button", { name: "Sign in" }).click();
    // (#signin-error: Next's route announcer is also role="alert")
    const unknown = await page.locator("#signin-error").textContent();
    await page.getByLabel("Email").fill(learner.email);
    await page.getByLabel("Password").fill("whatever it is");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#signin-error")).toHaveText(unknown ?? "");
  });

  test("callbackUrl never leads off the site", async ({ page, learner }) => {
    await page.goto("/signin?callbackUrl=https://evil.example/steal");
    await page.getByLabel("Email").fill(learner.email);
    await page.getByLabel("Password").fill(learner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/localhost:\d+\/dashboard$/);
  });

  test("a forged session cookie is treated as signed out", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "next-auth.session-token", value: "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.token.value", url: baseURL! }]);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/signin/);
  });
});

test.describe("roles", () => {
  test("a learner is refused from admin and studio pages", async ({ page, learner, signIn }) => {
    await signIn(learner);
    for (const path of ["/admin/users", "/studio"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/forbidden$/);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    }
    await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
  });

  test("an admin changes a role and disables an account; the disabled user loses their session", async ({ browser, makeUser }) => {
    const admin = await makeUser("ADMIN");
    const victim = await makeUser("LEARNER");
    const adminCtx = await browser.newContext();
    const victimCtx = await browser.newContext();
    const { signInViaApi } = await import("./fixtures");
    await signInViaApi(adminCtx.request, admin.email);
    await signInViaApi(victimCtx.request, victim.email);
    const victimPage = await victimCtx.newPage();
    await victimPage.goto("/dashboard");
    await expect(victimPage.getByRole("heading", { name: /Welcome back/ })).toBeVisible();

    const adminPage = await adminCtx.newPage();
    await adminPage.goto(`/admin/users?q=${encodeURIComponent(victim.email)}`);
    await expectNoAxeViolations(adminPage);
    await adminPage.getByRole("button", { name: `Disable ${victim.name}` }).click();
    await expect(adminPage.getByRole("button", { name: `Enable ${victim.name}` })).toBeVisible();

    await victimPage.goto("/dashboard");
    await expect(victimPage).toHaveURL(/\/signin/);
    const row = await testDb().user.findUnique({ where: { id: victim.id }, select: { disabled: true } });
    expect(row?.disabled).toBe(true);
    await adminCtx.close();
    await victimCtx.close();
  });
});

test.describe("replayed requests", () => {
  test("a learner replaying an admin's server action is refused and nothing is written", async ({ browser, makeUser }) => {
    const admin = await makeUser("ADMIN");
    const target = await makeUser("LEARNER");
    const learner = await makeUser("LEARNER");
    const { signInViaApi } = await import("./fixtures");
    const adminCtx = await browser.newContext();
    await signInViaApi(adminCtx.request, admin.email);
    const page = await adminCtx.newPage();
    await page.goto(`/admin/users?q=${encodeURIComponent(target.email)}`);
    // Capture the exact request the admin's browser sends for "change role".
    const captured = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
    await page.getByLabel(`Role of ${target.name}`).selectOption("INSTRUCTOR");
    const req = await captured;
    await expect.poll(async () => (await testDb().user.findUnique({ where: { id: target.id }, select: { role: true } }))?.role).toBe("INSTRUCTOR");
    await testDb().user.update({ where: { id: target.id }, data: { role: "LEARNER" } });

    // The learner replays it with their own session, and with no session at all.
    const learnerCtx = await browser.newContext();
    await signInViaApi(learnerCtx.request, learner.email);
    const headers = { "next-action": req.headers()["next-action"], "content-type": req.headers()["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" };
    const replay = await learnerCtx.request.post(req.url(), { headers, data: req.postData() ?? "" });
    expect(await replay.text()).toContain("FORBIDDEN");
    const anonymous = await browser.newContext();
    // Without a session the proxy already turns it away (the action's own check is covered in lib/auth/auth.int.test.ts).
    const anon = await anonymous.request.post(req.url(), { headers, data: req.postData() ?? "", maxRedirects: 0 });
    expect(anon.status()).toBe(307);
    expect(anon.headers()["location"]).toContain("/signin");
    const after = await testDb().user.findUnique({ where: { id: target.id }, select: { role: true } });
    expect(after?.role).toBe("LEARNER");
    await Promise.all([adminCtx.close(), learnerCtx.close(), anonymous.close()]);
  });
});

test.describe("platform", () => {
  test("a production server refuses to start without a real secret", async () => {
    const { spawn } = await import("node:child_process");
    for (const secret of [undefined, "changeme"]) {
      const env = { ...process.env, NODE_ENV: "production" } as Record<string, string | undefined>;
      if (secret) env.NEXTAUTH_SECRET = secret;
      else delete env.NEXTAUTH_SECRET;
      const child = spawn("node_modules/.bin/next", ["start", "-p", "3199"], { env: env as NodeJS.ProcessEnv });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += String(d)));
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => (child.kill(), resolve(null)), 30_000);
        child.on("exit", (c) => (clearTimeout(timer), resolve(c)));
      });
      expect(code).toBe(1);
      expect(stderr).toContain("Paracrine refuses to start");
    }
  });

  test("health answers after a real query", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: process.env.DATABASE_URL?.startsWith("postgres") ? "postgresql" : "sqlite" });
  });

  test("pages carry the security headers", async ({ request }) => {
    const res = await request.get("/");
    const h = res.headers();
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["strict-transport-security"]).toContain("max-age=");
    expect(h["x-powered-by"]).toBeUndefined();
    const again = (await request.get("/")).headers()["content-security-policy"];
    expect(again).not.toBe(h["content-security-policy"]);
  });

  test("the home page lists the seeded course and is accessible", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Paracrine signalling, from mechanism to medicine" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
