// Playwright fixtures: unique users created straight in the test database through the shared
// factories (and removed afterwards), sign-in through the API for speed, and an axe helper.
import { test as base, expect, type Page, type APIRequestContext } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { createDb, type Db } from "../prisma/client";
import { createUser, TEST_PASSWORD } from "../prisma/factories";
import type { Role } from "../lib/auth/permissions";

export type TestUser = { id: string; email: string; name: string; role: string; password: string };

let dbSingleton: Db | undefined;
export function testDb(): Db {
  dbSingleton ??= createDb(process.env.DATABASE_URL!);
  return dbSingleton;
}

export async function signInViaApi(request: APIRequestContext, email: string, password = TEST_PASSWORD) {
  const csrf = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password, json: "true", callbackUrl: "/dashboard" },
  });
  expect(res.ok(), `sign-in for ${email} answered ${res.status()}`).toBeTruthy();
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
  expect(summary, summary.join("\n")).toEqual([]);
}

type Fixtures = {
  makeUser: (role?: Role) => Promise<TestUser>;
  learner: TestUser;
  signIn: (user: TestUser) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  makeUser: async ({}, use) => {
    const created: string[] = [];
    await use(async (role: Role = "LEARNER") => {
      const u = await createUser(testDb(), { role });
      created.push(u.id);
      return { ...u, password: TEST_PASSWORD };
    });
    if (created.length) await testDb().user.deleteMany({ where: { id: { in: created } } });
  },
  learner: async ({ makeUser }, use) => {
    await use(await makeUser("LEARNER"));
  },
  signIn: async ({ page }, use) => {
    await use(async (user) => signInViaApi(page.request, user.email, user.password));
  },
});

export { expect };
