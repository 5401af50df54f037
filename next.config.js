// @ts-check
import { SECURITY_HEADERS } from "./server/request-guard.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native modules and the generated Prisma clients stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  // The studio's course-archive import is a server action; the default 1 MB is less than a course with
  // figures (content/paracrine exports at about 1 MB). lib/validation/studio.ts caps the archive text too.
  experimental: { serverActions: { bodySizeLimit: "10mb" } },
  async headers() {
    // Headers that do not depend on the request. The Content-Security-Policy (it carries a per-request
    // nonce) is set in proxy.ts.
    return [
      {
        source: "/:path*",
        headers: [
          // One list with the production server's guard, which also sends it on API and error responses.
          ...Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
          ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
        ],
      },
    ];
  },
};

export default nextConfig;
