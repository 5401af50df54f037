// Each policy on its own, including the cases a caller could get wrong: a demoted instructor still
// listed on a course, a co-instructor trying owner-only actions, no session at all.
import { describe, expect, it } from "vitest";
import { canAuthor, canChangeAccount, canEditCourse, canManageCourse, canManageUsers, canViewCourse, isAdmin, ROLES, teaches, type Actor } from "./permissions";

const owner: Actor = { id: "o", role: "INSTRUCTOR" };
const co: Actor = { id: "c", role: "INSTRUCTOR" };
const otherInstructor: Actor = { id: "x", role: "INSTRUCTOR" };
const learner: Actor = { id: "l", role: "LEARNER" };
const admin: Actor = { id: "a", role: "ADMIN" };
const team = [
  { userId: "o", role: "OWNER" },
  { userId: "c", role: "CO" },
];
const draft = { status: "DRAFT", instructors: team };
const published = { status: "PUBLISHED", instructors: team };
const archived = { status: "ARCHIVED", instructors: team };

describe("roles", () => {
  it("only admins are admins; instructors and admins author", () => {
    expect(ROLES).toEqual(["LEARNER", "INSTRUCTOR", "ADMIN"]);
    expect([learner, owner, admin, null, undefined].map(isAdmin)).toEqual([false, false, true, false, false]);
    expect([learner, owner, admin, null, undefined].map(canAuthor)).toEqual([false, true, true, false, false]);
    expect([learner, owner, admin, null].map(canManageUsers)).toEqual([false, false, true, false]);
  });
});

describe("course team", () => {
  it("teaches: listed on the course, whatever the role", () => {
    expect(teaches(co, draft)).toBe(true);
    expect(teaches({ id: "c", role: "LEARNER" }, draft)).toBe(true);
    expect(teaches(otherInstructor, draft)).toBe(false);
    expect(teaches(null, draft)).toBe(false);
    expect(teaches(owner, { instructors: [] })).toBe(false);
  });

  it("edit: owner, co-instructor and any admin; not another instructor, a learner or nobody", () => {
    expect([owner, co, admin].map((a) => canEditCourse(a, draft))).toEqual([true, true, true]);
    expect(canEditCourse(admin, { instructors: [] })).toBe(true);
    expect([otherInstructor, learner, null, undefined].map((a) => canEditCourse(a, draft))).toEqual([false, false, false, false]);
  });

  it("a demoted instructor still listed on the course may neither edit nor manage it", () => {
    const demotedOwner: Actor = { id: "o", role: "LEARNER" };
    expect(canEditCourse(demotedOwner, draft)).toBe(false);
    expect(canManageCourse(demotedOwner, draft)).toBe(false);
    expect(canViewCourse(demotedOwner, draft)).toBe(false);
  });

  it("manage (add instructors, delete): the owner and admins; a co-instructor may not", () => {
    expect(canManageCourse(owner, draft)).toBe(true);
    expect(canManageCourse(admin, { instructors: [] })).toBe(true);
    expect(canManageCourse(co, draft)).toBe(false);
    expect([otherInstructor, learner, null, undefined].map((a) => canManageCourse(a, draft))).toEqual([false, false, false, false]);
    // Being the owner of another course gives nothing here.
    expect(canManageCourse(otherInstructor, { instructors: [...team, { userId: "z", role: "OWNER" }] })).toBe(false);
  });
});

describe("viewing a course", () => {
  it("everyone, even without a session, sees a published course", () => {
    expect([learner, otherInstructor, null, undefined].map((a) => canViewCourse(a, published))).toEqual([true, true, true, true]);
  });

  it("drafts and archived courses only for the team and admins", () => {
    for (const course of [draft, archived, { instructors: team }]) {
      expect([owner, co, admin].map((a) => canViewCourse(a, course))).toEqual([true, true, true]);
      expect([learner, otherInstructor, null].map((a) => canViewCourse(a, course))).toEqual([false, false, false]);
    }
  });
});

describe("account administration", () => {
  it("admins change other accounts, never their own; nobody else changes any", () => {
    expect(canChangeAccount(admin, "l")).toBe(true);
    expect(canChangeAccount(admin, "a")).toBe(false);
    expect(canChangeAccount(owner, "l")).toBe(false);
    expect(canChangeAccount(learner, "l")).toBe(false);
    expect(canChangeAccount(null, "l")).toBe(false);
    expect(canChangeAccount(undefined, "a")).toBe(false);
  });
});
