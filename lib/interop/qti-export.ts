// QTI 3.0 export of a course's question bank: one qti-assessment-item per item, one
// qti-assessment-stimulus per clinical case, and an imsmanifest.xml (QTI 3.0 content package) whose
// resource metadata carries the item key, objective, topic and Bloom level as LOM classifications.
// Scoring is written as explicit response processing that reproduces lib/items/grade.ts; what QTI
// cannot carry is listed per item in the report (docs/interop.md has the mapping). Pure.
import type { BundleCase, CourseBundle } from "@/lib/content/bundle";
import type { Item, ItemData, ItemDataOf } from "@/lib/items/schema";
import { DATA, FB, ITEM_RESOURCE_TYPE, LOM_NS, LOM_XSD, QTI_CP_NS, QTI_CP_XSD, QTI_NS, QTI_XSD, STIMULUS_RESOURCE_TYPE, TAXON, TEST_RESOURCE_TYPE } from "./qti-shared";
import { glossaryToText, toXhtml, type GlossaryNames, type TextFormat } from "./xhtml";
import { XML_DECL, el, esc, escAttr, textEl, toIdentifier } from "./xml";
import { zipFiles, type PackageFiles } from "./zip";

export interface QtiItemReport {
  key: string;
  type: ItemData["type"];
  file: string;
  /** Semantics QTI cannot express: the item behaves differently in another QTI player. */
  lost: string[];
  /** Kept only in Paracrine-specific attributes or metadata, which other tools ignore. */
  extension: string[];
}

export interface QtiExportReport {
  items: QtiItemReport[];
  stimuli: number;
  /** One qti-assessment-test per module (its quiz and its lessons' checks, as sections). */
  tests: number;
  byType: Record<string, number>;
}

export interface QtiExportResult {
  files: PackageFiles;
  zip: Uint8Array;
  report: QtiExportReport;
}

interface Ctx {
  glossary: GlossaryNames;
  lost: string[];
}

// ------------------------------------------------------------------ expression helpers

const v = (id: string) => el("qti-variable", { identifier: id });
const base = (type: string, value: string | number) => textEl("qti-base-value", { "base-type": type }, String(value));
const setOut = (id: string, expr: string) => el("qti-set-outcome-value", { identifier: id }, expr);
const setScore = (x: number) => setOut("SCORE", base("float", x));
/** Adds a value to the FEEDBACK outcome (multiple cardinality), keeping what is there. */
const addFb = (id: string) => setOut("FEEDBACK", el("qti-multiple", {}, v("FEEDBACK"), base("identifier", id)));
const cond = (branches: { test: string; then: string[] }[], otherwise?: string[]) =>
  el(
    "qti-response-condition",
    {},
    ...branches.map((b, i) => el(i === 0 ? "qti-response-if" : "qti-response-else-if", {}, b.test, ...b.then)),
    otherwise && otherwise.length ? el("qti-response-else", {}, ...otherwise) : null,
  );
/** A full score when the response equals the correct response, guarding against rounding in sums. */
const fullWhenCorrect = () => cond([{ test: el("qti-match", {}, v("RESPONSE"), el("qti-correct", { identifier: "RESPONSE" })), then: [setScore(1)] }]);

function rich(text: string, format: TextFormat, ctx: Ctx, tag: "div" | "span", extra: Record<string, string | undefined> = {}): string {
  const r = toXhtml(text, format, { glossary: ctx.glossary, block: tag === "div" });
  ctx.lost.push(...r.lost);
  // The source travels only when the rendered text differs from it (markup, math, glossary links).
  const source = r.xhtml === esc(text) ? undefined : text;
  return `<${tag}${Object.entries({ ...extra, [DATA.format]: format === "markdown" ? undefined : format, [DATA.source]: source })
    .filter(([, x]) => x !== undefined)
    .map(([k, x]) => ` ${k}="${escAttr(x!)}"`)
    .join("")}>${r.xhtml}</${tag}>`;
}

function feedback(id: string, title: string, text: string | undefined, ctx: Ctx): string | null {
  if (!text || !text.trim()) return null;
  return el("qti-modal-feedback", { "outcome-identifier": "FEEDBACK", identifier: id, "show-hide": "show", title }, el("qti-content-body", {}, rich(text, "markdown", ctx, "div")));
}

const plain = (md: string) => glossaryToText(md).replace(/[*_`$#>]/g, "").replace(/\s+/g, " ").trim();
const num = (x: number) => String(x);

// ------------------------------------------------------------------ per type

interface Parts {
  declarations: string[];
  interaction: string;
  interactionType: string;
  processing: string[];
  feedbacks: (string | null)[];
}

function choiceParts(d: ItemDataOf<"single"> | ItemDataOf<"multiple">, ctx: Ctx): Parts {
  const single = d.type === "single";
  const ids = d.options.map((o) => toIdentifier(o.id));
  const correct = d.options.map((o, i) => ({ o, id: ids[i] })).filter(({ o }) => (single ? o.weight === 1 : o.weight > 0));
  const declarations = [
    el(
      "qti-response-declaration",
      { identifier: "RESPONSE", cardinality: single ? "single" : "multiple", "base-type": "identifier" },
      el("qti-correct-response", {}, ...correct.map(({ id }) => textEl("qti-value", {}, id))),
      el(
        "qti-mapping",
        { "default-value": 0, "lower-bound": 0, "upper-bound": 1 },
        ...d.options.map((o, i) => el("qti-map-entry", { "map-key": ids[i], "mapped-value": num(o.weight) })),
      ),
    ),
  ];
  const interaction = el(
    "qti-choice-interaction",
    { "response-identifier": "RESPONSE", "max-choices": single ? 1 : 0, "min-choices": 0, shuffle: "true" },
    ...d.options.map((o, i) => el("qti-simple-choice", { identifier: ids[i] }, rich(o.text, "markdown", ctx, "span"))),
  );
  const processing = [
    setOut("SCORE", el("qti-map-response", { identifier: "RESPONSE" })),
    ...d.options
      .map((o, i) => ({ o, id: ids[i] }))
      .filter(({ o }) => o.feedback)
      .map(({ id }) =>
        cond([
          {
            test: single ? el("qti-match", {}, v("RESPONSE"), base("identifier", id)) : el("qti-member", {}, base("identifier", id), v("RESPONSE")),
            then: [addFb(FB.choice + id)],
          },
        ]),
      ),
  ];
  const feedbacks = d.options.map((o, i) => feedback(FB.choice + ids[i], `Option ${i + 1}`, o.feedback, ctx));
  return { declarations, interaction, interactionType: "choiceInteraction", processing, feedbacks };
}

function trueFalseParts(d: ItemDataOf<"truefalse">, ctx: Ctx): Parts {
  const answer = d.answer ? "true" : "false";
  return {
    declarations: [el("qti-response-declaration", { identifier: "RESPONSE", cardinality: "single", "base-type": "identifier" }, el("qti-correct-response", {}, textEl("qti-value", {}, answer)))],
    interaction: el(
      "qti-choice-interaction",
      { "response-identifier": "RESPONSE", "max-choices": 1, shuffle: "false" },
      textEl("qti-simple-choice", { identifier: "true" }, "True"),
      textEl("qti-simple-choice", { identifier: "false" }, "False"),
    ),
    interactionType: "choiceInteraction",
    processing: [
      cond([{ test: el("qti-match", {}, v("RESPONSE"), el("qti-correct", { identifier: "RESPONSE" })), then: [setScore(1)] }], [setScore(0)]),
      ...(["true", "false"] as const)
        .filter((x) => (x === "true" ? d.feedbackTrue : d.feedbackFalse))
        .map((x) => cond([{ test: el("qti-match", {}, v("RESPONSE"), base("identifier", x)), then: [addFb(FB.choice + x)] }])),
    ],
    feedbacks: [feedback(FB.choice + "true", "True", d.feedbackTrue, ctx), feedback(FB.choice + "false", "False", d.feedbackFalse, ctx)],
  };
}

function numericParts(d: ItemDataOf<"numeric">, ctx: Ctx): Parts {
  const best = d.answers.find((a) => a.weight === 1)!;
  // The platform gives the best weight among the answers whose range contains the response; an
  // if / else-if chain over the answers by falling weight does the same. ANSWER_i names the answer's
  // place in the authored list, so the importer can restore the order.
  const chain = d.answers.map((a, i) => ({ a, i })).sort((x, y) => y.a.weight - x.a.weight);
  return {
    declarations: [el("qti-response-declaration", { identifier: "RESPONSE", cardinality: "single", "base-type": "float" }, el("qti-correct-response", {}, textEl("qti-value", {}, num(best.value))))],
    interaction: el(
      "p",
      {},
      el("qti-text-entry-interaction", { "response-identifier": "RESPONSE", "expected-length": 12 }),
      d.unit ? ` ${el("span", { class: "paracrine-unit" }, esc(d.unit))}` : null,
    ),
    interactionType: "textEntryInteraction",
    processing: [
      cond(
        chain.map(({ a, i }) => ({
          test: el(
            "qti-equal",
            a.tolerance > 0 ? { "tolerance-mode": "absolute", tolerance: num(a.tolerance), "include-lower-bound": "true", "include-upper-bound": "true" } : { "tolerance-mode": "exact" },
            v("RESPONSE"),
            base("float", num(a.value)),
          ),
          then: [setScore(a.weight), addFb(FB.answer + (i + 1))],
        })),
        [setScore(0), ...(d.feedbackIncorrect ? [addFb(FB.incorrect)] : [])],
      ),
    ],
    feedbacks: [...d.answers.map((a, i) => feedback(FB.answer + (i + 1), `Answer ${i + 1}`, a.feedback, ctx)), feedback(FB.incorrect, "Incorrect", d.feedbackIncorrect, ctx)],
  };
}

function matchingParts(d: ItemDataOf<"matching">, ctx: Ctx): Parts {
  const targets: string[] = [];
  for (const t of [...d.pairs.map((p) => p.match), ...d.distractors]) if (!targets.includes(t)) targets.push(t);
  const tid = (t: string) => `T_${targets.indexOf(t) + 1}`;
  const sid = (id: string) => `P_${toIdentifier(id)}`;
  const n = d.pairs.length;
  const pairs = d.pairs.map((p) => `${sid(p.id)} ${tid(p.match)}`);
  return {
    declarations: [
      el(
        "qti-response-declaration",
        { identifier: "RESPONSE", cardinality: "multiple", "base-type": "directedPair" },
        el("qti-correct-response", {}, ...pairs.map((p) => textEl("qti-value", {}, p))),
        el("qti-mapping", { "default-value": 0, "lower-bound": 0, "upper-bound": 1 }, ...pairs.map((p) => el("qti-map-entry", { "map-key": p, "mapped-value": num(1 / n) }))),
      ),
    ],
    interaction: el(
      "qti-match-interaction",
      { "response-identifier": "RESPONSE", "max-associations": n, shuffle: "true" },
      el("qti-simple-match-set", {}, ...d.pairs.map((p) => el("qti-simple-associable-choice", { identifier: sid(p.id), "match-max": 1 }, rich(p.prompt, "markdown", ctx, "span")))),
      el("qti-simple-match-set", {}, ...targets.map((t) => el("qti-simple-associable-choice", { identifier: tid(t), "match-max": n }, rich(t, "markdown", ctx, "span")))),
    ),
    interactionType: "matchInteraction",
    processing: [setOut("SCORE", el("qti-map-response", { identifier: "RESPONSE" })), fullWhenCorrect()],
    feedbacks: [],
  };
}

function orderingParts(d: ItemDataOf<"ordering">, ctx: Ctx): Parts {
  const ids = d.sequence.map((s) => toIdentifier(s.id));
  const n = ids.length;
  const pos = (id: string) => `POS_${id}`;
  const pairs = (n * (n - 1)) / 2;
  // Kendall partial credit, as the platform scores it: each step's position in the response is
  // found with qti-index, then every pair of steps in the right relative order adds 1/pairs.
  const positions = Array.from({ length: n }, (_, k) =>
    cond(ids.map((id) => ({ test: el("qti-match", {}, el("qti-index", { n: k + 1 }, v("RESPONSE")), base("identifier", id)), then: [setOut(pos(id), base("integer", k + 1))] }))),
  );
  const concordant: string[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      concordant.push(cond([{ test: el("qti-lt", {}, v(pos(ids[i])), v(pos(ids[j]))), then: [setOut("SCORE", el("qti-sum", {}, v("SCORE"), base("float", num(1 / pairs))))] }]));
  return {
    declarations: [
      el("qti-response-declaration", { identifier: "RESPONSE", cardinality: "ordered", "base-type": "identifier" }, el("qti-correct-response", {}, ...ids.map((id) => textEl("qti-value", {}, id)))),
      ...ids.map((id) => el("qti-outcome-declaration", { identifier: pos(id), cardinality: "single", "base-type": "integer" })),
    ],
    interaction: el(
      "qti-order-interaction",
      { "response-identifier": "RESPONSE", shuffle: "true" },
      ...d.sequence.map((s, i) => el("qti-simple-choice", { identifier: ids[i] }, rich(s.text, "markdown", ctx, "span"))),
    ),
    interactionType: "orderInteraction",
    processing: [setScore(0), ...positions, ...concordant, fullWhenCorrect()],
    feedbacks: [],
  };
}

function shortParts(d: ItemDataOf<"short">, ctx: Ctx): Parts {
  const chain = d.answers.map((a, i) => ({ a, i })).sort((x, y) => y.a.weight - x.a.weight);
  ctx.lost.push("whitespace collapsing and Unicode normalisation before comparing (QTI compares the string as typed)");
  return {
    declarations: [
      el(
        "qti-response-declaration",
        { identifier: "RESPONSE", cardinality: "single", "base-type": "string" },
        el("qti-correct-response", {}, textEl("qti-value", {}, d.answers.find((a) => a.weight === 1)!.text)),
        el(
          "qti-mapping",
          { "default-value": 0, "lower-bound": 0, "upper-bound": 1 },
          ...d.answers.map((a) => el("qti-map-entry", { "map-key": a.text, "mapped-value": num(a.weight), "case-sensitive": String(d.caseSensitive) })),
        ),
      ),
    ],
    interaction: el("p", {}, el("qti-text-entry-interaction", { "response-identifier": "RESPONSE", "expected-length": 30 })),
    interactionType: "textEntryInteraction",
    processing: [
      cond(
        chain.map(({ a, i }) => ({
          test: el("qti-string-match", { "case-sensitive": String(d.caseSensitive) }, v("RESPONSE"), base("string", a.text)),
          then: [setScore(a.weight), addFb(FB.answer + (i + 1))],
        })),
        [setScore(0), ...(d.feedbackIncorrect ? [addFb(FB.incorrect)] : [])],
      ),
    ],
    feedbacks: [...d.answers.map((a, i) => feedback(FB.answer + (i + 1), `Answer ${i + 1}`, a.feedback, ctx)), feedback(FB.incorrect, "Incorrect", d.feedbackIncorrect, ctx)],
  };
}

function parts(d: ItemData, ctx: Ctx): Parts {
  switch (d.type) {
    case "single":
    case "multiple":
      return choiceParts(d, ctx);
    case "truefalse":
      return trueFalseParts(d, ctx);
    case "numeric":
      return numericParts(d, ctx);
    case "matching":
      return matchingParts(d, ctx);
    case "ordering":
      return orderingParts(d, ctx);
    case "short":
      return shortParts(d, ctx);
  }
}

// ------------------------------------------------------------------ items and stimuli

export const itemFile = (key: string) => `items/${toIdentifier(key)}.xml`;
export const stimulusIdentifier = (caseKey: string) => `case_${toIdentifier(caseKey)}`;
export const stimulusFile = (caseKey: string) => `stimuli/${stimulusIdentifier(caseKey)}.xml`;

const ROOT_ATTRS = (identifier: string, title: string) => ({
  xmlns: QTI_NS,
  "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
  "xsi:schemaLocation": `${QTI_NS} ${QTI_XSD}`,
  identifier,
  title,
  "xml:lang": "en",
});

/** One item as a qti-assessment-item document, with what it could not carry. */
export function itemToQti(item: Item, opts: { glossary?: GlossaryNames; caseTitle?: string } = {}): { xml: string; interactionType: string; lost: string[]; extension: string[] } {
  const ctx: Ctx = { glossary: opts.glossary ?? {}, lost: [] };
  const p = parts(item.data, ctx);
  const extension: string[] = [];
  if (item.check) extension.push("check (part of the lesson's end check)");
  if (item.step !== undefined) extension.push("step (order inside the case)");
  if (item.data.type === "truefalse") extension.push("type truefalse (a two-choice choiceInteraction elsewhere)");
  const general = item.data.type === "matching" || item.data.type === "ordering" ? item.data.feedback : undefined;
  const processing = [
    ...(item.explanation.trim() ? [addFb(FB.explanation)] : []),
    ...(general ? [addFb(FB.general)] : []),
    ...p.processing,
  ];
  const stem = rich(item.stem, item.stemFormat, ctx, "div", {
    class: "paracrine-stem",
    [DATA.type]: item.data.type,
    [DATA.check]: item.check ? "true" : undefined,
    [DATA.step]: item.step !== undefined ? String(item.step) : undefined,
  });
  const body = el(
    "qti-assessment-item",
    { ...ROOT_ATTRS(toIdentifier(item.key), Array.from(plain(item.stem)).slice(0, 80).join("") || item.key), adaptive: "false", "time-dependent": "false" },
    ...p.declarations.slice(0, 1),
    el("qti-outcome-declaration", { identifier: "SCORE", cardinality: "single", "base-type": "float" }, el("qti-default-value", {}, textEl("qti-value", {}, "0"))),
    el("qti-outcome-declaration", { identifier: "MAXSCORE", cardinality: "single", "base-type": "float" }, el("qti-default-value", {}, textEl("qti-value", {}, "1"))),
    el("qti-outcome-declaration", { identifier: "FEEDBACK", cardinality: "multiple", "base-type": "identifier" }),
    ...p.declarations.slice(1),
    item.caseKey ? el("qti-assessment-stimulus-ref", { identifier: stimulusIdentifier(item.caseKey), href: `../${stimulusFile(item.caseKey)}`, title: opts.caseTitle ?? item.caseKey }) : null,
    el("qti-item-body", {}, stem, p.interaction),
    el("qti-response-processing", {}, ...processing),
    feedback(FB.explanation, "Explanation", item.explanation, ctx),
    feedback(FB.general, "Feedback", general, ctx),
    ...p.feedbacks,
  );
  return { xml: XML_DECL + body + "\n", interactionType: p.interactionType, lost: [...new Set(ctx.lost)], extension };
}

export function caseToStimulus(c: BundleCase, glossary: GlossaryNames = {}): string {
  const ctx: Ctx = { glossary, lost: [] };
  return XML_DECL + el("qti-assessment-stimulus", ROOT_ATTRS(stimulusIdentifier(c.key), c.title), el("qti-stimulus-body", {}, rich(c.scenario, "markdown", ctx, "div"))) + "\n";
}

// ------------------------------------------------------------------ package

function lomFor(item: Item, objectiveText: Map<string, string>): string {
  const classification = (purpose: string, source: string, id: string, entry?: string) =>
    el(
      "classification",
      {},
      el("purpose", {}, textEl("source", {}, "LOMv1.0"), textEl("value", {}, purpose)),
      el("taxonPath", {}, el("source", {}, textEl("string", { language: "en" }, source)), el("taxon", {}, textEl("id", {}, id), entry ? el("entry", {}, textEl("string", { language: "en" }, entry)) : null)),
    );
  return el(
    "lom",
    { xmlns: LOM_NS },
    el("general", {}, el("identifier", {}, textEl("catalog", {}, "paracrine:item-key"), textEl("entry", {}, item.key))),
    item.objective ? classification("educational objective", TAXON.objective, item.objective, objectiveText.get(item.objective)) : null,
    item.topic ? classification("discipline", TAXON.topic, item.topic) : null,
    item.level ? classification("competency", TAXON.level, item.level) : null,
  );
}

/** Exports every item of the course (all modules) as a QTI 3.0 content package. */
export function exportQtiPackage(bundle: CourseBundle): QtiExportResult {
  const glossary: GlossaryNames = Object.fromEntries(bundle.glossary.map((g) => [g.slug, g.term]));
  const objectiveText = new Map(bundle.modules.flatMap((m) => m.lessons.flatMap((l) => l.front.objectives.map((o) => [o.key, o.text] as const))));
  const cases = new Map(bundle.modules.flatMap((m) => m.cases.map((c) => [c.key, c] as const)));
  const files: PackageFiles = {};
  const resources: string[] = [];
  const report: QtiExportReport = { items: [], stimuli: 0, tests: 0, byType: {} };

  for (const c of cases.values()) {
    const file = stimulusFile(c.key);
    files[file] = caseToStimulus(c, glossary);
    resources.push(el("resource", { identifier: `res_${stimulusIdentifier(c.key)}`, type: STIMULUS_RESOURCE_TYPE, href: file }, el("file", { href: file })));
    report.stimuli += 1;
  }
  for (const m of bundle.modules)
    for (const item of m.items) {
      const file = itemFile(item.key);
      const c = item.caseKey ? cases.get(item.caseKey) : undefined;
      const out = itemToQti(item, { glossary, caseTitle: c?.title });
      if (item.caseKey && !c) out.lost.push(`case ${item.caseKey} (not found in the course)`);
      files[file] = out.xml;
      resources.push(
        el(
          "resource",
          { identifier: `res_${toIdentifier(item.key)}`, type: ITEM_RESOURCE_TYPE, href: file },
          el("metadata", {}, lomFor(item, objectiveText)),
          el("file", { href: file }),
          c ? el("dependency", { identifierref: `res_${stimulusIdentifier(c.key)}` }) : null,
        ),
      );
      report.items.push({ key: item.key, type: item.data.type, file, lost: out.lost, extension: out.extension });
      report.byType[item.data.type] = (report.byType[item.data.type] ?? 0) + 1;
    }

  // Module structure: one test per module, a section for the module quiz and one per lesson check.
  // Items keep the file order, so the steps of a case stay in order.
  for (const m of bundle.modules) {
    const ref = (item: Item) => el("qti-assessment-item-ref", { identifier: toIdentifier(item.key), href: `../${itemFile(item.key)}` });
    const section = (id: string, title: string, list: Item[]) =>
      list.length ? el("qti-assessment-section", { identifier: id, title, visible: "true" }, ...list.map(ref)) : null;
    const lessonSections = m.lessons.map((l) => {
      const objectives = new Set(l.front.objectives.map((o) => o.key));
      return section(`check_${toIdentifier(l.front.slug)}`, `Check for understanding: ${l.front.title}`, m.items.filter((i) => i.check && i.objective && objectives.has(i.objective)));
    });
    const quiz = section("quiz", `Module quiz: ${m.meta.title}`, m.items.filter((i) => !i.check));
    if (!quiz && lessonSections.every((x) => x === null)) continue;
    const id = `module_${toIdentifier(m.meta.slug)}`;
    const file = `tests/${id}.xml`;
    files[file] =
      XML_DECL +
      el(
        "qti-assessment-test",
        { ...ROOT_ATTRS(id, m.meta.title) },
        el("qti-test-part", { identifier: "part", "navigation-mode": "nonlinear", "submission-mode": "individual" }, ...lessonSections, quiz),
      ) +
      "\n";
    const used = [...new Set(m.items.map((i) => `res_${toIdentifier(i.key)}`))];
    resources.push(el("resource", { identifier: `res_${id}`, type: TEST_RESOURCE_TYPE, href: file }, el("file", { href: file }), ...used.map((u) => el("dependency", { identifierref: u }))));
    report.tests += 1;
  }

  files["imsmanifest.xml"] =
    XML_DECL +
    el(
      "manifest",
      {
        xmlns: QTI_CP_NS,
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": `${QTI_CP_NS} ${QTI_CP_XSD} ${LOM_NS} ${LOM_XSD}`,
        identifier: `${toIdentifier(bundle.course.slug)}_qti`,
      },
      el(
        "metadata",
        {},
        textEl("schema", {}, "QTI Package"),
        textEl("schemaversion", {}, "3.0.0"),
        el("lom", { xmlns: LOM_NS }, el("general", {}, el("title", {}, textEl("string", { language: "en" }, `${bundle.course.title}: question bank`)))),
      ),
      el("organizations", {}),
      el("resources", {}, ...resources),
    ) +
    "\n";
  return { files, zip: zipFiles(files), report };
}
