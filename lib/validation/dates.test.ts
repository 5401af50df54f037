// Out-of-range dates are refused by validation with a clear message instead of reaching the database.
import { describe, expect, it } from "vitest";
import { createCohortSchema, deadlineSchema } from "./studio";

describe("cohort dates", () => {
  it("refuses years the databases cannot store, accepts ordinary ones and empty", () => {
    for (const dueAt of ["+099999-01-01T00:00:00Z", "99999-12-31", "1900-01-01", "not a date"]) {
      const r = deadlineSchema.safeParse({ cohortId: "c1", moduleId: "m1", dueAt });
      expect(r.success, dueAt).toBe(false);
    }
    expect(deadlineSchema.safeParse({ cohortId: "c1", moduleId: "m1", dueAt: "2027-03-01T17:00" }).success).toBe(true);
    expect(deadlineSchema.safeParse({ cohortId: "c1", moduleId: "m1", dueAt: "" })).toMatchObject({ success: true, data: { dueAt: undefined } });
    expect(createCohortSchema.safeParse({ courseId: "c", name: "A", startsAt: "2199-12-31" }).success).toBe(true);
    expect(createCohortSchema.safeParse({ courseId: "c", name: "A", startsAt: "2200-01-02" }).success).toBe(false);
  });
});
