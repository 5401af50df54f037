// The demo course's content checks (issue: the curriculum). Every item has a valid answer structure,
// feedback and an objective; every objective is assessed by two or more items; no duplicate stems;
// every glossary link resolves; every figure has a description; no lesson below the word minimum.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCourseFiles } from "./bundle";
import { checkBundle, courseStats } from "./check";
import { readCourseFolder } from "./read-folder";

const { bundle, problems } = parseCourseFiles(readCourseFolder(path.resolve("content/paracrine")));

describe("content/paracrine", () => {
  it("parses without problems", () => {
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([]);
    expect(bundle).not.toBeNull();
  });

  it("passes every content check", () => {
    expect(checkBundle(bundle!).map((p) => `${p.file}: ${p.message}`)).toEqual([]);
  });

  it("meets the curriculum's size and assessment requirements", () => {
    const s = courseStats(bundle!);
    expect(s.modules).toBeGreaterThanOrEqual(9);
    expect(s.lessons).toBeGreaterThanOrEqual(30);
    for (const m of bundle!.modules) {
      expect(m.lessons.length, m.dir).toBeGreaterThanOrEqual(3);
      expect(m.lessons.length, m.dir).toBeLessThanOrEqual(5);
      expect(m.meta.references.length, m.dir).toBeGreaterThan(0);
    }
    expect(s.items).toBeGreaterThanOrEqual(180);
    for (const t of ["single", "multiple", "truefalse", "numeric", "matching", "ordering", "short"]) expect(s.byType[t] ?? 0, t).toBeGreaterThan(0);
    expect(s.applyOrAnalyseShare).toBeGreaterThanOrEqual(0.4);
    expect(s.glossaryTerms).toBeGreaterThanOrEqual(60);
    const diseaseCases = bundle!.modules.filter((m) => ["cancer", "inflammation", "regenerative"].includes(m.meta.slug)).reduce((n, m) => n + m.cases.length, 0);
    expect(diseaseCases).toBeGreaterThanOrEqual(12);
    expect(s.wordsPerLesson.min).toBeGreaterThanOrEqual(400);
    expect(s.wordsPerLesson.max).toBeLessThanOrEqual(1200);
  });

  it("has the nine required modules in order", () => {
    expect(bundle!.modules.map((m) => m.meta.slug)).toEqual(["foundations", "release", "diffusion", "reception", "regulation", "physiology", "cancer", "inflammation", "regenerative"]);
  });
});
