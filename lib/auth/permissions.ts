// Pure policy functions: who may do what. No database, no Next: unit-tested on their own, and called
// by every data function, server action and route handler after it has loaded the resource.
export const ROLES = ["LEARNER", "INSTRUCTOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  role: Role;
}

export interface CourseTeam {
  status?: string;
  instructors: { userId: string; role: string }[];
}

export const isAdmin = (a: Actor | null | undefined): boolean => a?.role === "ADMIN";

/** Instructors and admins may open the studio and create courses. */
export const canAuthor = (a: Actor | null | undefined): boolean => a?.role === "INSTRUCTOR" || a?.role === "ADMIN";

export function teaches(a: Actor | null | undefined, course: CourseTeam): boolean {
  return !!a && course.instructors.some((i) => i.userId === a.id);
}

/** Edit content, see drafts, learners and analytics of a course. */
export function canEditCourse(a: Actor | null | undefined, course: CourseTeam): boolean {
  if (!a) return false;
  if (isAdmin(a)) return true;
  return a.role === "INSTRUCTOR" && teaches(a, course);
}

/** Add or remove co-instructors, delete the course: the owner or an admin. */
export function canManageCourse(a: Actor | null | undefined, course: CourseTeam): boolean {
  if (!a) return false;
  if (isAdmin(a)) return true;
  return a.role === "INSTRUCTOR" && course.instructors.some((i) => i.userId === a.id && i.role === "OWNER");
}

/** Learners see published courses only; the team also sees its own drafts (as a preview). */
export function canViewCourse(a: Actor | null | undefined, course: CourseTeam): boolean {
  if (course.status === "PUBLISHED") return true;
  return canEditCourse(a, course);
}

export const canManageUsers = (a: Actor | null | undefined): boolean => isAdmin(a);

/** An admin may not demote or disable themselves: the site must keep an administrator. */
export function canChangeAccount(a: Actor | null | undefined, targetUserId: string): boolean {
  return isAdmin(a) && a!.id !== targetUserId;
}
