import { describe, expect, it } from "vitest";
import { checkBundle, countWords, svgProblems } from "./check";
import type { CourseBundle } from "./bundle";
import { fileItemToItem } from "./format";

const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-labelledby="t d"><title id="t">T</title><desc id="d">D</desc></svg>';

function bundle(over: Partial<CourseBundle> = {}): CourseBundle {
  const body = `## Intro\n\n${"word ".repeat(450)} [[decay-length]]\n\n![A gradient falling away from the source cell](figures/f.svg)\n`;
  const mk = (key: string, objective: string, check = false) =>
    fileItemToItem({ key, type: "truefalse", objective, topic: "mechanism", level: "apply", check, stem: `Stem ${key}`, explanation: "Because.", answer: true, feedbackTrue: "Yes", feedbackFalse: "No" });
  return {
    course: { slug: "c", title: "C", summary: "", description: "", passMark: 80 },
    glossary: [{ slug: "decay-length", term: "Decay length", definition: "d" }],
    figures: { "f.svg": svg },
    modules: [
      {
        dir: "01-m",
        meta: { slug: "m", title: "M", order: 1, summary: "", references: ["Ref"] },
        cases: [],
        lessons: [{ file: "01-l.md", front: { slug: "l", title: "L", order: 1, objectives: [{ key: "o1", text: "Do" }, { key: "o2", text: "Do2" }] }, body }],
        items: [mk("q1", "o1", true), mk("q2", "o1"), mk("q3", "o2"), mk("q4", "o2")],
      },
    ],
    ...over,
  };
}

describe("checkBundle", () => {
  it("accepts a course that meets every rule", () => {
    expect(checkBundle(bundle())).toEqual([]);
  });

  it("reports unresolved glossary links, missing figures, short lessons and thin objectives", () => {
    const b = bundle();
    b.modules[0].lessons[0].body = "Too short [[nope]]\n\n![x](figures/missing.svg)\n";
    b.modules[0].items = b.modules[0].items.slice(0, 3);
    const messages = checkBundle(b).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining("below the minimum"),
        "glossary link [[nope]] does not resolve",
        "figure missing.svg needs a text description (alt text of 20+ characters)",
        "figure missing.svg does not exist",
        'objective "o2" is assessed by 1 item(s); at least 2 are needed',
      ]),
    );
  });

  it("reports duplicate stems and missing feedback", () => {
    const b = bundle();
    b.modules[0].items[1] = { ...b.modules[0].items[1], stem: b.modules[0].items[0].stem };
    b.modules[0].items[2] = { ...b.modules[0].items[2], data: { type: "truefalse", answer: true, feedbackTrue: "ok" } };
    const messages = checkBundle(b).map((p) => p.message);
    expect(messages).toContain("item q2 has the same stem as q1");
    expect(messages).toContain("item q3 needs both feedbackTrue and feedbackFalse");
  });
});

describe("svgProblems and countWords", () => {
  it("flags scripts, handlers and missing accessibility parts", () => {
    expect(svgProblems(svg)).toEqual([]);
    expect(svgProblems('<svg viewBox="0 0 1 1"><script>x</script></svg>')).toEqual(
      expect.arrayContaining(['root <svg> needs role="img"', "needs a non-empty <title>", "must not contain scripts, foreignObject or event handlers"]),
    );
    expect(svgProblems(svg.replace("<title", '<image href="https://x/y.png"/><title'))).toContain("must not reference external resources");
  });

  it("counts prose words but not math or figure lines", () => {
    expect(countWords("One two three.\n\n$$x^2$$\n\n![alt text here](figures/a.svg)\n")).toBe(3);
    expect(countWords("A [[decay-length]] and [[x|shown words]].")).toBe(6);
  });
});
