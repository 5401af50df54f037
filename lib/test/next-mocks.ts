// Shared vi.mock factories for Next.js server APIs in integration tests. Use at the top of a test file:
//   vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
//   vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
//   vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));
import { sessionCookieStore } from "./session";

export const headersMock = {
  cookies: async () => sessionCookieStore(),
  headers: async () => new Headers(),
};

export const cacheMock = {
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  unstable_cache: <T>(fn: T) => fn,
};

export class RedirectError extends Error {
  constructor(public readonly url: string) {
    super(`NEXT_REDIRECT ${url}`);
  }
}

export const navigationMock = {
  redirect: (url: string) => {
    throw new RedirectError(url);
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
};
