import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { itemSchema } from "../items/schema";
import { giftItems, parseGift, type GiftOkReport, type GiftQuestionReport } from "./parse";

const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures", name), "utf8");

function ok(q: GiftQuestionReport | undefined): GiftOkReport {
  if (!q || q.status !== "ok") throw new Error(`expected an ok question, got ${JSON.stringify(q)}`);
  return q;
}

/** Parses a single question and returns its report. */
function one(text: string): GiftQuestionReport {
  const { questions } = parseGift(text);
  expect(questions).toHaveLength(1);
  return questions[0];
}

describe("all-features.gift", () => {
  const { questions } = parseGift(fixture("all-features.gift"));
  const byName = (name: string) => {
    const q = questions.find((x) => x.name === name);
    if (!q) throw new Error(`no question named ${name}`);
    return q;
  };

  it("finds every question with its status, type, name, line and category", () => {
    expect(questions.map((q) => [q.index, q.status, q.status === "ok" ? q.type : q.type, q.name])).toEqual([
      [1, "ok", "single", "Range of paracrine signals"],
      [2, "ok", "multiple", "Paracrine factors"],
      [3, "ok", "single", "Phagocyte"],
      [4, "ok", "truefalse", "TF true with feedback"],
      [5, "ok", "truefalse", "TF false with feedback"],
      [6, "ok", "truefalse", "TF true short"],
      [7, "ok", "truefalse", "TF false short"],
      [8, "ok", "short", "Proteoglycan"],
      [9, "ok", "matching", "Classify signals"],
      [10, "ok", "numeric", "Pi"],
      [11, "ok", "numeric", "Range answer"],
      [12, "ok", "numeric", "Grant born"],
      [13, "ok", "single", "Missing word"],
      [14, "ok", "single", "Escapes: all of them"],
      [15, "ok", "single", "HTML stem"],
      [16, "ok", "single", "Moodle format"],
      [17, "ok", "single", "Which molecule is a gas that acts as a paracrine signal?"],
      [18, "skipped", "description", "Intro"],
      [19, "skipped", "essay", "Essay"],
      [20, "ok", "short", "Id number"],
    ]);
    expect(questions.slice(0, 9).every((q) => q.category === "$course$/top/Paracrine/Basics")).toBe(true);
    expect(questions.slice(9).every((q) => q.category === "Paracrine/Numbers")).toBe(true);
    expect(byName("Range of paracrine signals").line).toBe(7);
    expect(byName("Grant born").line).toBe(59);
  });

  it("gives every ok question a schema-valid item with a unique key derived from category and name", () => {
    const items = giftItems({ questions });
    expect(items).toHaveLength(18);
    for (const item of items) expect(itemSchema.safeParse(item).success).toBe(true);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    expect(ok(byName("Range of paracrine signals")).key).toBe("basics.range-of-paracrine-signals");
    expect(ok(byName("Pi")).key).toBe("numbers.Pi");
    expect(ok(byName("Id number")).key).toBe("fixed-key-1");
    // Stable across runs.
    expect(giftItems(parseGift(fixture("all-features.gift"))).map((i) => i.key)).toEqual(items.map((i) => i.key));
  });

  it("single choice: weights, per-answer feedback, general feedback", () => {
    const q = ok(byName("Range of paracrine signals"));
    expect(q.stem).toBe("What limits the range of a paracrine signal?");
    expect(q.item.stemFormat).toBe("plain");
    expect(q.item.explanation).toBe("The ligand spreads by diffusion and is removed by uptake or degradation.");
    expect(q.item.data).toEqual({
      type: "single",
      options: [
        { id: "a", text: "Diffusion combined with removal of the ligand", weight: 1, feedback: "Right: the decay length is √(D/k)." },
        { id: "b", text: "The speed of light", weight: 0, feedback: "No: light plays no part here." },
        { id: "c", text: "Blood flow", weight: 0, feedback: "Blood flow carries endocrine signals, not paracrine ones." },
      ],
    });
    expect(q.answers[0]).toEqual({
      text: "Diffusion combined with removal of the ligand",
      weight: 100,
      feedback: "Right: the decay length is √(D/k).",
    });
  });

  it("multiple answers with a negative weight, markdown stem", () => {
    const q = ok(byName("Paracrine factors"));
    expect(q.item.stemFormat).toBe("markdown");
    expect(q.stem).toBe("Which of these act as **paracrine** factors?");
    expect(q.item.data.type).toBe("multiple");
    expect(q.answers).toEqual([
      { text: "Fibroblast growth factor", weight: 50, feedback: "Yes, FGF acts on nearby cells." },
      { text: "Sonic hedgehog", weight: 50, feedback: "Yes." },
      { text: "Insulin", weight: -100, feedback: "No, insulin is a hormone (endocrine)." },
      { text: "Thyroxine", weight: 0 },
    ]);
    if (q.item.data.type !== "multiple") throw new Error();
    expect(q.item.data.options.map((o) => o.weight)).toEqual([0.5, 0.5, -1, 0]);
  });

  it("partial credit in a single-choice question stays single", () => {
    const q = ok(byName("Phagocyte"));
    expect(q.type).toBe("single");
    expect(q.answers.map((a) => a.weight)).toEqual([100, 50, 0]);
    expect(q.answers[1].feedback).toBe("Partly: monocytes become macrophages in tissue.");
  });

  it("true/false: the first feedback is for a wrong answer, the second for a right one", () => {
    expect(ok(byName("TF true with feedback")).item.data).toEqual({
      type: "truefalse",
      answer: true,
      feedbackTrue: "Yes, that is the definition.",
      feedbackFalse: "No, they do act nearby.",
    });
    expect(ok(byName("TF false with feedback")).item.data).toEqual({
      type: "truefalse",
      answer: false,
      feedbackTrue: "Wrong: insulin travels in the blood.",
      feedbackFalse: "Right: insulin is endocrine.",
    });
    expect(ok(byName("TF true short")).item.data).toEqual({ type: "truefalse", answer: true });
    const f = ok(byName("TF false short"));
    expect(f.item.data).toEqual({ type: "truefalse", answer: false });
    expect(f.item.explanation).toBe("That would be autocrine signalling.");
  });

  it("short answer with weights and feedback, case-insensitive", () => {
    const q = ok(byName("Proteoglycan"));
    expect(q.item.data).toEqual({
      type: "short",
      caseSensitive: false,
      answers: [
        { text: "heparan sulfate", weight: 1, feedback: "Right." },
        { text: "heparan sulphate", weight: 1 },
        { text: "HSPG", weight: 0.5, feedback: "Close: HSPG is the whole proteoglycan." },
      ],
    });
    expect(ok(byName("Id number")).item.data).toEqual({ type: "short", caseSensitive: false, answers: [{ text: "Paris", weight: 1 }] });
  });

  it("matching: pairs with a repeated match and a distractor", () => {
    const q = ok(byName("Classify signals"));
    expect(q.item.data).toEqual({
      type: "matching",
      pairs: [
        { id: "p1", prompt: "Acetylcholine at the neuromuscular junction", match: "Synaptic" },
        { id: "p2", prompt: "Insulin acting on the liver", match: "Endocrine" },
        { id: "p3", prompt: "Glucagon acting on the liver", match: "Endocrine" },
      ],
      distractors: ["Juxtacrine"],
    });
    expect(q.item.explanation).toBe("Endocrine signals travel in the blood.");
  });

  it("numerical: tolerance, range, several weighted answers with feedback", () => {
    expect(ok(byName("Pi")).item.data).toEqual({ type: "numeric", answers: [{ value: 3.1415, tolerance: 0.0005, weight: 1 }] });
    expect(ok(byName("Range answer")).item.data).toEqual({ type: "numeric", answers: [{ value: 3, tolerance: 2, weight: 1 }] });
    const grant = ok(byName("Grant born"));
    expect(grant.item.data).toEqual({
      type: "numeric",
      answers: [
        { value: 1822, tolerance: 0, weight: 1, feedback: "Correct!" },
        { value: 1822, tolerance: 2, weight: 0.5, feedback: "Close, within two years." },
      ],
      feedbackIncorrect: "Look it up in a biography.",
    });
    expect(grant.answers).toEqual([
      { text: "1822", weight: 100, feedback: "Correct!" },
      { text: "1822 ± 2", weight: 50, feedback: "Close, within two years." },
      { text: "(any other answer)", weight: 0, feedback: "Look it up in a biography." },
    ]);
  });

  it("missing word: the blank replaces the answer block", () => {
    expect(ok(byName("Missing word")).stem).toBe("The decay length equals _____ of D/k.");
  });

  it("decodes escaped control characters, \\n and \\\\, and keeps // inside a line", () => {
    const q = ok(byName("Escapes: all of them"));
    expect(q.stem).toBe(
      "Braces { }, equals = tilde ~ hash # colon: backslash \\ done.\nSee https://example.org/a//b for more.",
    );
    expect(q.answers).toEqual([
      { text: "a:b = c", weight: 100, feedback: "feedback with # hash and {braces}" },
      { text: "x ~ y", weight: 0 },
    ]);
    expect(q.key).toBe("numbers.escapes-all-of-them");
  });

  it("formats: [html] stem kept as html, answer formats dropped, [moodle] is plain, comments dropped", () => {
    const html = ok(byName("HTML stem"));
    expect(html.item.stemFormat).toBe("html");
    expect(html.stem).toBe("<p>Which word is <b>bold</b>?</p>");
    expect(html.answers.map((a) => a.text)).toEqual(["<b>this</b> one", "not this one"]);
    expect(html.warnings).toEqual([expect.stringContaining("[html] format of answer 1")]);
    const moodle = ok(byName("Moodle format"));
    expect(moodle.item.stemFormat).toBe("plain");
    expect(moodle.stem).toBe("A question written\nover two lines.");
  });

  it("names a question without ::name:: from its text", () => {
    const q = ok(questions[16]);
    expect(q.name).toBe("Which molecule is a gas that acts as a paracrine signal?");
    expect(q.key).toBe("numbers.which-molecule-is-a-gas-that-acts-as-a-paracrine-signal");
  });

  it("skips descriptions and essays with a message", () => {
    const intro = byName("Intro");
    expect(intro).toMatchObject({ status: "skipped", type: "description", stem: "The following questions are about growth factors." });
    expect(intro.status !== "ok" && intro.message).toMatch(/description/);
    const essay = byName("Essay");
    expect(essay).toMatchObject({ status: "skipped", type: "essay" });
    expect(essay.status !== "ok" && essay.message).toBe("essay questions are not supported (they need grading by a person)");
  });
});

describe("malformed.gift", () => {
  const { questions } = parseGift(fixture("malformed.gift"));

  it("reports each bad question with its own line-numbered error and parses the good ones", () => {
    expect(questions.map((q) => [q.name, q.status, q.status === "ok" ? "" : q.message])).toEqual([
      ["Good first", "ok", ""],
      ["Unclosed", "error", "line 5: the answer block is not closed with }"],
      ["Good second", "ok", ""],
      [
        "No correct answer",
        "error",
        "line 11: no answer is marked correct: mark the right answer with = or give answers a positive ~%weight%",
      ],
      [
        "Weights off",
        "error",
        "line 13: the positive weights add up to 80%; in a multiple-answer question they must add up to 100%",
      ],
      ["Not a number", "error", 'line 15: answer 1: "abc" is not a number'],
      ["Stray brace", "error", "line 17: found } without an opening { (write \\} for a literal brace)"],
      ["Empty answers", "error", "line 19: answer 1 is empty"],
      ["One pair", "error", "line 21: a matching question needs at least 2 pairs (found 1)"],
      ["Unclosed name:This name never closes", "error", "line 23: the question name is not closed with ::"],
      ["Weight too big", "error", "line 25: answer 1: the weight 150% is outside -100%..100%"],
      [
        "No full credit",
        "error",
        "line 27: no answer gives full credit: at least one answer needs = without a weight, or =%100%",
      ],
      ["Bad range", "error", "line 29: answer 1: the range 5..1 is empty (the minimum is above the maximum)"],
      ["Bad weight on a later line", "error", "line 33: answer 2: the weight %abc% is not a number"],
      ["Good third", "ok", ""],
    ]);
    expect(questions.map((q) => q.line)).toEqual([3, 5, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 37]);
    expect(giftItems({ questions }).map((i) => i.key)).toEqual(["good-first", "good-second", "good-third"]);
  });
});

describe("parseGift details", () => {
  it("types: = only is short answer, ~ makes a choice, #... numeric, = with -> matching", () => {
    expect(ok(one("Q {=a =b}")).type).toBe("short");
    expect(ok(one("Q {=a ~b}")).type).toBe("single");
    expect(ok(one("Q {~%100%a ~b}")).type).toBe("multiple");
    expect(ok(one("Q {#5}")).type).toBe("numeric");
    expect(ok(one("Q {=a -> 1 =b -> 2}")).type).toBe("matching");
    expect(ok(one("Q {t}")).type).toBe("truefalse");
  });

  it("accepts an explicit =%100% in a choice question but no other weight after =", () => {
    expect(ok(one("Q {=%100%a ~b}")).answers[0]).toEqual({ text: "a", weight: 100 });
    const bad = one("Q {=%50%a ~b}");
    expect(bad.status).toBe("error");
    expect(bad.status !== "ok" && bad.message).toMatch(/^line 1: answer 1: in a choice question = marks the right answer/);
  });

  it("reports text before the first marker, a nested {, a second block and bad numbers", () => {
    const cases: [string, RegExp][] = [
      ["Q {a ~b =c}", /must start with = \(right\) or ~ \(wrong\)/],
      ["Q {=a ~b\n::Next:: R {=x ~y}", /^line 2: found \{ inside the answer block/],
      ["Q {=a ~b} and {=c ~d}", /only one answer block per question/],
      ["Q {#1..x}", /"x" is not a number/],
      ["Q {#1:-2}", /tolerance -2 is negative/],
      ["Q {#=%50%1}", /no answer gives full credit/],
    ];
    for (const [text, re] of cases) {
      const q = parseGift(text).questions[0];
      expect(q.status, text).toBe("error");
      expect(q.status !== "ok" && q.message, text).toMatch(re);
    }
  });

  it("errors when the stem is empty", () => {
    const q = one("::Name::{=a ~b}");
    expect(q.status !== "ok" && q.message).toBe("line 1: the question text is empty");
  });

  it("makes keys unique within the file, in order", () => {
    const { questions } = parseGift("::Same::A {T}\n\n::Same::B {F}\n\n::same::C {T}\n\n::Same::D {T}");
    expect(questions.map((q) => q.status === "ok" && q.key)).toEqual(["Same", "Same-2", "same", "Same-3"]);
  });

  it("handles CRLF line endings, a BOM, and a category block on its own", () => {
    const { questions } = parseGift("\uFEFF$CATEGORY: A/B c\r\n\r\n// c\r\n::Q1::Text\r\nmore {=x ~y}\r\n");
    const q = ok(questions[0]);
    expect(q.category).toBe("A/B c");
    expect(q.key).toBe("b-c.Q1");
    expect(q.stem).toBe("Text\nmore");
    expect(q.line).toBe(4);
  });

  it("a $CATEGORY line right after a question still starts a new category", () => {
    const { questions } = parseGift("::A::a {T}\n$CATEGORY: Next\n::B::b {F}");
    expect(questions.map((q) => [q.status, q.category])).toEqual([
      ["ok", null],
      ["ok", "Next"],
    ]);
  });

  it("two questions without a blank line between them: an error that says so", () => {
    const q = one("::A::a {T}\n::B::b {F}");
    expect(q.status !== "ok" && q.message).toBe(
      "line 2: only one answer block per question is supported; found another { (write \\{ for a literal brace, or separate questions with a blank line)",
    );
  });

  it("keeps a name that already starts with the category slug", () => {
    const q = ok(one("$CATEGORY: Week 1\n::week-1.q1::Text {T}"));
    expect(q.key).toBe("week-1.q1");
  });

  it("gives a hash-based key when the text has no letters usable in a key", () => {
    const q = ok(one("::Ω::Ω? {T}"));
    expect(q.key).toMatch(/^q-[0-9a-f]{8}$/);
    expect(ok(one("::Ω::Ω? {T}")).key).toBe(q.key);
  });

  it("a range maps to its midpoint and half-width; * gives the feedback for other answers", () => {
    const q = ok(one("Q {#=-5..-1#in range =%0%*#no}"));
    expect(q.item.data).toEqual({
      type: "numeric",
      answers: [{ value: -3, tolerance: 2, weight: 1, feedback: "in range" }],
      feedbackIncorrect: "no",
    });
  });

  it("general feedback uses the last ####", () => {
    const q = ok(one("Q {T##right####general}"));
    expect(q.item.data).toEqual({ type: "truefalse", answer: true, feedbackTrue: "right" });
    expect(q.item.explanation).toBe("general");
  });

  it("\\\\n is a backslash followed by n, not a newline", () => {
    expect(ok(one("Q \\\\nabla {T}")).stem).toBe("Q \\nabla");
  });

  it("never throws on arbitrary input", () => {
    for (const text of ["{", "}", "::", "::a::", "{}{}", "$CATEGORY:", "\n\n\n", "{#}", "{~}", "{=}", "{->}", "{T#}"]) {
      expect(() => parseGift(text)).not.toThrow();
    }
    expect(parseGift("").questions).toEqual([]);
    expect(parseGift("// only a comment\n\n$CATEGORY: x").questions).toEqual([]);
  });
});

describe("linear on adversarial files", () => {
  it("numbers 5,000 questions of one name in order, as the rescanning version did", { timeout: 60_000 }, () => {
    const { questions } = parseGift("::q:: Sky blue? {T}\n\n".repeat(5_000));
    const keys = questions.map((q) => (q.status === "ok" ? q.key : q.status));
    expect(keys.slice(0, 3)).toEqual(["q", "q-2", "q-3"]);
    expect(keys[4_999]).toBe("q-5000");
    expect(new Set(keys).size).toBe(5_000);
  });

  it("skips numbers taken by names, and gives a key back when its question fails the item schema", () => {
    const long = "x".repeat(20_001);
    const { questions } = parseGift(`::q-2:: a {T}\n\n::q:: b {T}\n\n::q:: c {T}\n\n::q:: ${long} {T}\n\n::q:: d {T}`);
    expect(questions.map((q) => (q.status === "ok" ? q.key : q.status))).toEqual(["q-2", "q", "q-3", "error", "q-4"]);
  });

  it("names a question by its stem without tags, also with stray < and no >", () => {
    expect(one("<b>Bold</b> <i>stem</i> {T}").name).toBe("Bold stem");
    expect(one(`${"<".repeat(50_000)} {T}`).name).toBe(`${"<".repeat(60)}…`);
    expect(one("a <b c {T}").name).toBe("a <b c");
  });

  it("reads [id:] from comments as before: escaped brackets, the first closing bracket, none", () => {
    const key = (comment: string) => {
      const q = one(`${comment}\n::n:: x {T}`);
      return q.status === "ok" ? q.key : q.status;
    };
    expect(key("// [id:abc] [id:def]")).toBe("abc");
    expect(key("// [id:ok]x]")).toBe("ok");
    // "a]b" is read as before, and is not a valid key, so the name is used.
    expect(key("// [id:a\\]b]")).toBe("n");
    expect(key("// [id:] [id:k2]")).toBe("k2");
    expect(key(`// ${"[id:".repeat(50_000)}`)).toBe("n");
  });
});
