import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { itemSchema, type Item } from "../items/schema";
import { escapeGift, exportGift, exportGiftReport } from "./export";
import { giftItems, parseGift } from "./parse";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const item = (x: unknown): Item => itemSchema.parse(x);

/** Weights go through GIFT as percentages with at most 5 decimals. */
const viaPercent = (w: number) => Number(String(Number((w * 100).toFixed(5)))) / 100;

/** What GIFT carries of an item: the fields below, with option/pair ids renumbered in order. */
function carried(i: Item): Item {
  const d = i.data;
  const base = { key: i.key, stem: i.stem, stemFormat: i.stemFormat, explanation: i.explanation, check: false };
  switch (d.type) {
    case "single":
    case "multiple":
      return item({ ...base, data: { ...d, options: d.options.map((o, n) => ({ ...o, id: String.fromCharCode(97 + n), weight: viaPercent(o.weight) })) } });
    case "matching":
      return item({ ...base, data: { type: "matching", pairs: d.pairs.map((p, n) => ({ ...p, id: `p${n + 1}` })), distractors: d.distractors } });
    case "short":
      return item({ ...base, data: { type: "short", answers: d.answers, caseSensitive: false } });
    case "numeric":
      return item({ ...base, data: { type: "numeric", answers: d.answers, feedbackIncorrect: d.feedbackIncorrect } });
    default:
      return item({ ...base, data: d });
  }
}

const sample: Item[] = [
  item({
    key: "m3-q01",
    stem: "What is $\\lambda = \\sqrt{D/k}$ when D = 1 and k = 4?\n\nUse **one** decimal: 0.5 ~ about #1.",
    explanation: "λ = √(1/4) = 0.5.\nSee https://example.org/x?a=b#c",
    objective: "m3-decay-length-calc",
    topic: "mechanism",
    level: "apply",
    data: {
      type: "single",
      options: [
        { id: "o1", text: "0.5", weight: 1, feedback: "Right: {D/k} = 1/4." },
        { id: "o2", text: "2", weight: 0, feedback: "That is √(k/D)." },
        { id: "o3", text: "%5% off", weight: 0 },
        { id: "o4", text: "[html] not a format", weight: 0.25 },
      ],
    },
  }),
  item({
    key: "m3-q02",
    stem: "Which are paracrine?",
    stemFormat: "markdown",
    data: {
      type: "multiple",
      options: [
        { id: "a", text: "FGF", weight: 1 / 3, feedback: "Yes" },
        { id: "b", text: "Wnt", weight: 1 / 3 },
        { id: "c", text: "Hedgehog", weight: 1 / 3 },
        { id: "d", text: "Insulin", weight: -1, feedback: "Endocrine." },
        { id: "e", text: "Cortisol", weight: 0 },
      ],
    },
  }),
  item({ key: "tf-1", stem: "True?", data: { type: "truefalse", answer: true, feedbackTrue: "Yes!", feedbackFalse: "No, it is true." } }),
  item({ key: "tf-2", stem: "False?", data: { type: "truefalse", answer: false, feedbackFalse: "Right, false." } }),
  item({ key: "tf-3", stem: "Bare", explanation: "Because.", data: { type: "truefalse", answer: false, feedbackTrue: "Wrong" } }),
  item({
    key: "short:1",
    stem: "Name it",
    stemFormat: "plain",
    data: {
      type: "short",
      answers: [
        { text: "heparan sulfate", weight: 1, feedback: "ok" },
        { text: "%HSPG%", weight: 1 },
        { text: "HS", weight: 0.5 },
      ],
      caseSensitive: true,
      feedbackIncorrect: "Think of the matrix.",
    },
  }),
  item({
    key: "num-1",
    stem: "Decay length in µm?",
    data: {
      type: "numeric",
      unit: "µm",
      answers: [
        { value: 20, tolerance: 1, weight: 1, feedback: "Right" },
        { value: -1.5e-7, tolerance: 0, weight: 0.5 },
      ],
      feedbackIncorrect: "Use λ = √(D/k).",
    },
  }),
  item({
    key: "match-1",
    stem: "Match",
    stemFormat: "html",
    explanation: "[markdown] starts like a format",
    data: {
      type: "matching",
      pairs: [
        { id: "x", prompt: "Insulin", match: "Endocrine" },
        { id: "y", prompt: "Glucagon: a = b", match: "Endocrine" },
        { id: "z", prompt: "ACh", match: "Synaptic -> fast" },
      ],
      distractors: ["Juxtacrine"],
      feedback: "General matching feedback",
    },
  }),
  item({ key: "order-1", stem: "Order", data: { type: "ordering", sequence: [{ id: "a", text: "1" }, { id: "b", text: "2" }] } }),
  item({
    key: "blank-1",
    stem: "Grant is _____ in Grant's tomb.",
    explanation: "Entombed, strictly.",
    data: {
      type: "single",
      options: [
        { id: "a", text: "buried", weight: 0 },
        { id: "b", text: "entombed", weight: 1 },
      ],
    },
  }),
  item({ key: "blank-2", stem: "_____ is 2 + 2.", data: { type: "numeric", answers: [{ value: 4, tolerance: 0, weight: 1 }] } }),
  item({ key: "blank-end", stem: "The answer is _____", data: { type: "short", answers: [{ text: "x", weight: 1 }] } }),
  item({
    key: "all-right",
    stem: "Both are right",
    data: {
      type: "single",
      options: [
        { id: "a", text: "A", weight: 1 },
        { id: "b", text: "B", weight: 1 },
      ],
    },
  }),
];

describe("escapeGift", () => {
  it("escapes ~ = # { } : \\ and newlines", () => {
    expect(escapeGift("a~b=c#d{e}f:g\\h\ni\r\nj")).toBe("a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni\\nj");
  });
});

describe("exportGift", () => {
  const { text, skipped, warnings } = exportGiftReport(sample, { header: "Test export", category: "Paracrine/Export" });

  it("writes names, format prefixes, weights, feedback and general feedback", () => {
    expect(text.startsWith("// Test export\n\n$CATEGORY: Paracrine/Export\n\n")).toBe(true);
    expect(text).toContain(
      "::m3-q01::[markdown]What is $\\\\lambda \\= \\\\sqrt\\{D/k\\}$ when D \\= 1 and k \\= 4?\\n\\nUse **one** decimal\\: 0.5 \\~ about \\#1. {\n" +
        "\t=0.5#Right\\: \\{D/k\\} \\= 1/4.\n" +
        "\t~2#That is √(k/D).\n" +
        "\t~%0%%5% off\n" +
        "\t~%25%[markdown][html] not a format\n" +
        "\t####λ \\= √(1/4) \\= 0.5.\\nSee https\\://example.org/x?a\\=b\\#c\n" +
        "}",
    );
    expect(text).toContain("::m3-q02::[markdown]Which are paracrine? {\n\t~%33.33333%FGF#Yes\n\t~%33.33333%Wnt\n");
    expect(text).toContain("\t~%-100%Insulin#Endocrine.\n\t~Cortisol\n}");
  });

  it("writes true/false as {TRUE#feedback if wrong#feedback if right}", () => {
    expect(text).toContain("::tf-1::[markdown]True? {TRUE#No, it is true.#Yes!}");
    expect(text).toContain("::tf-2::[markdown]False? {FALSE##Right, false.}");
    expect(text).toContain("::tf-3::[markdown]Bare {FALSE#Wrong####Because.}");
  });

  it("writes short answers, numbers and matching", () => {
    expect(text).toContain("::short\\:1::[plain]Name it {\n\t=heparan sulfate#ok\n\t=%100%%HSPG%\n\t=%50%HS\n}");
    expect(text).toContain("::num-1::[markdown]Decay length in µm? {#\n\t=20:1#Right\n\t=%50%-1.5e-7\n\t~#Use λ \\= √(D/k).\n}");
    expect(text).toContain(
      "::match-1::[html]Match {\n\t=Insulin -> Endocrine\n\t=Glucagon\\: a \\= b -> Endocrine\n\t=ACh -> Synaptic -> fast\n\t= -> Juxtacrine\n\t####[html][markdown] starts like a format\n}",
    );
  });

  it("puts the answer block in the blank of a missing-word stem", () => {
    expect(text).toContain("::blank-1::[markdown]Grant is {~buried =entombed ####Entombed, strictly.} in Grant's tomb.");
    expect(text).toContain("::blank-2::[markdown]{#=4} is 2 + 2.");
    expect(text).toContain("::blank-end::[markdown]The answer is _____ {=x}");
  });

  it("skips ordering items with a comment and reports them and what was dropped", () => {
    expect(text).toContain("// ordering item order-1 cannot be expressed in GIFT");
    expect(skipped).toEqual(["order-1"]);
    expect(warnings).toEqual([
      "short:1: caseSensitive is not carried by GIFT (Moodle imports it as case-insensitive)",
      "short:1: feedbackIncorrect of a short-answer item is not carried by GIFT",
      'num-1: the unit "µm" is not carried by GIFT',
      "match-1: the feedback of a matching item is not carried by GIFT",
    ]);
    expect(exportGift(sample)).not.toContain("$CATEGORY");
  });

  it("keeps a single-choice question with only right answers single", () => {
    expect(text).toContain("::all-right::[markdown]Both are right {\n\t=A\n\t~%100%B\n}");
  });

  it("writes nothing for no items", () => {
    expect(exportGift([])).toBe("");
  });
});

describe("round trip", () => {
  it("parse → export → parse gives the same items for the all-features fixture", () => {
    const first = giftItems(parseGift(fixture("all-features.gift")));
    const again = parseGift(exportGift(first));
    expect(again.questions.every((q) => q.status === "ok")).toBe(true);
    expect(giftItems(again)).toEqual(first);
  });

  it("export → parse keeps everything GIFT can carry", () => {
    const exported = exportGiftReport(sample, { category: "Some/Category" });
    const back = parseGift(exported.text);
    expect(back.questions.map((q) => q.status)).toEqual(sample.filter((i) => i.data.type !== "ordering").map(() => "ok"));
    // With a category the keys get its slug in front; without one they come back unchanged.
    expect(giftItems(back).map((i) => i.key)).toEqual(
      sample.filter((i) => i.data.type !== "ordering").map((i) => `category.${i.key}`),
    );
    const plain = giftItems(parseGift(exportGift(sample)));
    expect(plain).toEqual(sample.filter((i) => i.data.type !== "ordering").map(carried));
  });

  it("is a fixed point: exporting the re-imported items gives the same text", () => {
    const once = exportGift(giftItems(parseGift(fixture("all-features.gift"))));
    expect(exportGift(giftItems(parseGift(once)))).toBe(once);
  });
});
