import { afterAll, describe, expect, it, vi } from "vitest";
vi.mock("next/headers", () => import("@/lib/test/next-mocks").then((m) => m.headersMock));
vi.mock("next/cache", () => import("@/lib/test/next-mocks").then((m) => m.cacheMock));
vi.mock("next/navigation", () => import("@/lib/test/next-mocks").then((m) => m.navigationMock));

import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { createCourse, createUser } from "@/prisma/factories";
import { signInAs } from "@/lib/test/session";
import { giftItems, parseGift } from "./parse";
import { disconnect, importItems, loadItems } from "./db-bridge";
import { runGiftCli } from "../../scripts/gift";
import { importGiftAction } from "@/lib/actions/studio";

const fixture = (n: string) => readFileSync(path.join(__dirname, "fixtures", n), "utf8");
afterAll(() => disconnect());

describe("GIFT database bridge", () => {
  it("imports every valid question, then updates on a second import, and loads them back", async () => {
    const owner = await createUser(db, { role: "INSTRUCTOR" });
    const course = await createCourse(db, owner.id);
    const mod = await db.module.create({ data: { courseId: course.id, slug: "m1", title: "M1", order: 1 } });
    const items = giftItems(parseGift(fixture("all-features.gift")));
    expect(items.length).toBe(18);
    expect(await importItems(course.slug, items)).toEqual({ created: 18, updated: 0 });
    expect(await importItems(course.slug, items)).toEqual({ created: 0, updated: 18 });
    expect(await db.item.count({ where: { courseId: course.id, moduleId: mod.id } })).toBe(18);
    const loaded = await loadItems(course.slug);
    expect(loaded.map((i) => i.key).sort()).toEqual(items.map((i) => i.key).sort());
    expect(loaded.find((i) => i.key === items[0].key)?.data).toEqual(items[0].data);
    await expect(importItems("no-such-course", items)).rejects.toThrow(/no course/);
  });

  it("runs the CLI without --dry-run against the database", async () => {
    const owner = await createUser(db, { role: "INSTRUCTOR" });
    const course = await createCourse(db, owner.id);
    let out = "";
    const code = await runGiftCli(["import", path.join(__dirname, "fixtures", "all-features.gift"), "--course", course.slug], { importItems, loadItems, stdout: (s) => (out += s), stderr: () => undefined });
    expect(code).toBe(0);
    expect(JSON.parse(out).result).toEqual({ created: 18, updated: 0 });
  });

  it("studio GIFT import: all or nothing, only into the caller's own module", async () => {
    const owner = await createUser(db, { role: "INSTRUCTOR" });
    const other = await createUser(db, { role: "INSTRUCTOR" });
    const course = await createCourse(db, owner.id);
    const mod = await db.module.create({ data: { courseId: course.id, slug: "m1", title: "M1", order: 1 } });
    await signInAs(owner);
    const bad = await importGiftAction({ courseId: course.id, moduleId: mod.id, text: fixture("malformed.gift") });
    expect(bad).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db.item.count({ where: { courseId: course.id } })).toBe(0);
    const good = await importGiftAction({ courseId: course.id, moduleId: mod.id, text: fixture("all-features.gift") });
    expect(good).toMatchObject({ ok: true, data: { created: 18, updated: 0, skipped: 2 } });
    await signInAs(other);
    expect(await importGiftAction({ courseId: course.id, moduleId: mod.id, text: fixture("all-features.gift") })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
