// IMS Common Cartridge 1.3 export of a course: the organisation is the course structure (modules →
// lessons, lesson checks and the module quiz), lessons are web content (HTML rendered by
// lib/markdown, the platform's own renderer), figures and a glossary page are files, and quizzes are
// QTI 1.2.1 assessments in the CC profile (resource type imsqti_xmlv1p2/imscc_xmlv1p3/assessment,
// cc_profile item types). The CC profile has no matching, ordering or numeric-range items and no
// partial credit for multiple response: such items are left out of the quiz or simplified, and
// every case is listed in the report. Pure.
import type { BundleLesson, BundleModule, CourseBundle } from "@/lib/content/bundle";
import type { Item } from "@/lib/items/schema";
import { renderMarkdown, type GlossaryLookup } from "@/lib/markdown/render";
import { toXhtml, type GlossaryNames } from "./xhtml";
import { XML_DECL, el, esc, textEl, toIdentifier } from "./xml";
import { zipFiles, type PackageFiles } from "./zip";

export const CC_NS = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1";
export const CC_LOM_MANIFEST_NS = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest";
export const CC_LOM_RESOURCE_NS = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource";
export const CC_QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2";
export const CC_ASSESSMENT_TYPE = "imsqti_xmlv1p2/imscc_xmlv1p3/assessment";
const SCHEMA_LOCATIONS = [
  CC_NS,
  "http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd",
  CC_LOM_MANIFEST_NS,
  "http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lommanifest_v1p0.xsd",
  CC_LOM_RESOURCE_NS,
  "http://www.imsglobal.org/profile/cc/ccv1p3/LOM/ccv1p3_lomresource_v1p0.xsd",
].join(" ");
const CC_QTI_XSD = "http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_qtiasiv1p2p1_v1p0.xsd";

export const CC_PROFILES = {
  single: "cc.multiple_choice.v0p1",
  multiple: "cc.multiple_response.v0p1",
  truefalse: "cc.true_false.v0p1",
  short: "cc.fib.v0p1",
  numeric: "cc.fib.v0p1",
} as const;

export interface CcExportReport {
  lessons: number;
  assessments: number;
  itemsExported: number;
  figures: number;
  /** Items not in any assessment, with the reason. */
  omitted: { key: string; reason: string }[];
  /** Items exported with a simplification. */
  simplified: { key: string; what: string[] }[];
  /** Course-level things a cartridge cannot carry. */
  notes: string[];
}

export interface CcExportResult {
  files: PackageFiles;
  zip: Uint8Array;
  report: CcExportReport;
}

// ------------------------------------------------------------------ QTI 1.2.1 (CC profile)

const field = (label: string, entry: string) => el("qtimetadatafield", {}, textEl("fieldlabel", {}, label), textEl("fieldentry", {}, entry));
/** Rich text in QTI 1.2 is HTML carried as escaped text in mattext. */
const mat = (html: string) => el("material", {}, textEl("mattext", { texttype: "text/html" }, html));
const fbRef = (id: string) => el("displayfeedback", { feedbacktype: "Response", linkrefid: id });
const setScore = (x: number) => textEl("setvar", { varname: "SCORE", action: "Set" }, String(Math.round(x * 100 * 1e4) / 1e4));
const itemFeedback = (id: string, html: string) => el("itemfeedback", { ident: id }, el("flow_mat", {}, mat(html)));

interface CcItemOut {
  xml: string | null;
  reason?: string;
  simplified: string[];
}

function ccItem(item: Item, ctx: { glossary: GlossaryNames; scenario?: { title: string; text: string } }): CcItemOut {
  const d = item.data;
  if (d.type === "matching" || d.type === "ordering")
    return { xml: null, reason: `${d.type} items have no Common Cartridge QTI profile (only multiple choice, multiple response, true/false, fill-in-the-blank, pattern match and essay)`, simplified: [] };
  const simplified: string[] = [];
  const html = (text: string, block = true) => {
    const r = toXhtml(text, "markdown", { glossary: ctx.glossary, block });
    if (r.lost.length) simplified.push(...r.lost.map((l) => `${l} dropped`));
    return r.xhtml;
  };
  let stemHtml = item.stemFormat === "markdown" ? html(item.stem) : toXhtml(item.stem, item.stemFormat).xhtml;
  if (ctx.scenario) {
    stemHtml = `<div class="case"><p><strong>${esc(ctx.scenario.title)}</strong></p>${html(ctx.scenario.text)}</div>${stemHtml}`;
    simplified.push("case scenario repeated in the question text (QTI 1.2 in CC has no shared stimulus)");
  }
  const conditions: string[] = [];
  const feedbacks: string[] = [];
  if (item.explanation.trim()) {
    conditions.push(el("respcondition", { continue: "Yes" }, el("conditionvar", {}, el("other")), fbRef("general_fb")));
    feedbacks.push(itemFeedback("general_fb", html(item.explanation)));
  }
  let response: string;
  let profile: string;
  switch (d.type) {
    case "single":
    case "multiple":
    case "truefalse": {
      const options =
        d.type === "truefalse"
          ? [
              { id: "true", text: "True", weight: d.answer ? 1 : 0, feedback: d.feedbackTrue },
              { id: "false", text: "False", weight: d.answer ? 0 : 1, feedback: d.feedbackFalse },
            ]
          : d.options;
      profile = CC_PROFILES[d.type];
      const ids = options.map((o) => toIdentifier(o.id));
      response = el(
        "response_lid",
        { ident: "response1", rcardinality: d.type === "multiple" ? "Multiple" : "Single" },
        el("render_choice", {}, ...options.map((o, i) => el("response_label", { ident: ids[i] }, mat(d.type === "truefalse" ? esc(o.text) : html(o.text, false))))),
      );
      options.forEach((o, i) => {
        if (!o.feedback) return;
        conditions.push(el("respcondition", { continue: "Yes" }, el("conditionvar", {}, textEl("varequal", { respident: "response1" }, ids[i])), fbRef(`${ids[i]}_fb`)));
        feedbacks.push(itemFeedback(`${ids[i]}_fb`, html(o.feedback)));
      });
      if (d.type === "multiple") {
        const right = options.map((o, i) => ({ o, id: ids[i] }));
        conditions.push(
          el(
            "respcondition",
            { continue: "No" },
            el("conditionvar", {}, el("and", {}, ...right.map(({ o, id }) => (o.weight > 0 ? textEl("varequal", { respident: "response1" }, id) : el("not", {}, textEl("varequal", { respident: "response1" }, id)))))),
            setScore(1),
          ),
        );
        if (options.some((o) => o.weight > 0 && o.weight < 1)) simplified.push("partial credit (CC multiple response scores all or nothing)");
      } else {
        options.forEach((o, i) => {
          if (o.weight > 0) conditions.push(el("respcondition", { continue: "No" }, el("conditionvar", {}, textEl("varequal", { respident: "response1" }, ids[i])), setScore(o.weight)));
        });
      }
      break;
    }
    case "short":
    case "numeric": {
      profile = CC_PROFILES[d.type];
      response = el("response_str", { ident: "response1", rcardinality: "Single" }, el("render_fib", {}, el("response_label", { ident: "answer1" })));
      const answers = d.type === "short" ? d.answers.map((a) => ({ text: a.text, weight: a.weight, feedback: a.feedback })) : d.answers.map((a) => ({ text: String(a.value), weight: a.weight, feedback: a.feedback }));
      if (d.type === "numeric") {
        if (d.answers.some((a) => a.tolerance > 0)) simplified.push("tolerance (CC fill-in-the-blank accepts only the exact value as text)");
        if (d.unit) stemHtml += `<p>Answer in ${esc(d.unit)}.</p>`;
      } else simplified.push("whitespace collapsing and Unicode normalisation before comparing");
      [...answers.entries()]
        .sort(([, x], [, y]) => y.weight - x.weight)
        .forEach(([i, a]) => {
          conditions.push(
            el(
              "respcondition",
              { continue: "No" },
              el("conditionvar", {}, textEl("varequal", { respident: "response1", case: d.type === "short" && d.caseSensitive ? "Yes" : "No" }, a.text)),
              setScore(a.weight),
              a.feedback ? fbRef(`answer${i + 1}_fb`) : null,
            ),
          );
          if (a.feedback) feedbacks.push(itemFeedback(`answer${i + 1}_fb`, html(a.feedback)));
        });
      if (d.feedbackIncorrect) {
        conditions.push(el("respcondition", { continue: "No" }, el("conditionvar", {}, el("other")), setScore(0), fbRef("incorrect_fb")));
        feedbacks.push(itemFeedback("incorrect_fb", html(d.feedbackIncorrect)));
      }
      break;
    }
  }
  const xml = el(
    "item",
    { ident: toIdentifier(item.key), title: item.key },
    el("itemmetadata", {}, el("qtimetadata", {}, field("cc_profile", profile), field("cc_weighting", "1"))),
    el("presentation", {}, mat(stemHtml), response),
    el("resprocessing", {}, el("outcomes", {}, el("decvar", { varname: "SCORE", vartype: "Decimal", minvalue: 0, maxvalue: 100 })), ...conditions),
    ...feedbacks,
  );
  return { xml, simplified: [...new Set(simplified)] };
}

function assessmentXml(ident: string, title: string, items: string[]): string {
  return (
    XML_DECL +
    el(
      "questestinterop",
      { xmlns: CC_QTI_NS, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", "xsi:schemaLocation": `${CC_QTI_NS} ${CC_QTI_XSD}` },
      el(
        "assessment",
        { ident, title },
        el("qtimetadata", {}, field("cc_profile", "cc.exam.v0p1"), field("qmd_assessmenttype", "Examination"), field("qmd_scoretype", "Percentage")),
        el("section", { ident: `${ident}_section` }, ...items),
      ),
    ) +
    "\n"
  );
}

// ------------------------------------------------------------------ web content

function htmlPage(title: string, bodyHtml: string): string {
  // KaTeX writes both HTML and MathML; without KaTeX's stylesheet the MathML alone reads correctly.
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}.katex-html{display:none}figure{margin:1.5rem 0}figure img{max-width:100%}aside.callout{border-left:4px solid #555;padding:.5rem 1rem;background:#f5f5f5}</style>
</head>
<body>
<h1>${esc(title)}</h1>
${bodyHtml}
</body>
</html>
`;
}

/** CC identifiers need not round-trip: a readable NCName after a letter prefix is enough (slugs are unique). */
const ccId = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, "_");

const lessonHref = (m: BundleModule, l: BundleLesson) => `modules/${m.dir}/${l.file.replace(/\.md$/, "")}.html`;

/** Exports the course as an IMS Common Cartridge 1.3 (.imscc zip). */
export function exportCommonCartridge(bundle: CourseBundle): CcExportResult {
  const files: PackageFiles = {};
  const resources: string[] = [];
  const report: CcExportReport = {
    lessons: 0,
    assessments: 0,
    itemsExported: 0,
    figures: 0,
    omitted: [],
    simplified: [],
    notes: [
      "pass marks are not carried (QTI 1.2 in CC has no pass mark)",
      "predict-observe-explain activities and the simulator are not carried (they need the platform)",
      "objectives, topics and Bloom levels are not carried (the CC assessment profile has no item classification)",
    ],
  };
  const glossaryNames: GlossaryNames = Object.fromEntries(bundle.glossary.map((g) => [g.slug, g.term]));
  const glossary: GlossaryLookup = Object.fromEntries(bundle.glossary.map((g) => [g.slug, { term: g.term, definition: g.definition }]));
  const cases = new Map(bundle.modules.flatMap((m) => m.cases.map((c) => [c.key, c] as const)));

  // Figures: one webcontent resource holding every figure, a dependency of the lessons and the glossary.
  const figureFiles = Object.keys(bundle.figures)
    .sort()
    .map((name) => `figures/${name}`);
  for (const f of figureFiles) files[f] = bundle.figures[f.slice("figures/".length)];
  report.figures = figureFiles.length;
  const figuresRes = "res_figures";
  if (figureFiles.length) resources.push(el("resource", { identifier: figuresRes, type: "webcontent" }, ...figureFiles.map((f) => el("file", { href: f }))));
  const deps = figureFiles.length ? [el("dependency", { identifierref: figuresRes })] : [];

  const webcontent = (id: string, href: string, title: string, body: string) => {
    files[href] = htmlPage(title, body);
    resources.push(el("resource", { identifier: id, type: "webcontent", href }, el("file", { href }), ...deps));
  };
  const assessment = (id: string, title: string, items: Item[]): string | null => {
    const xmls: string[] = [];
    for (const item of items) {
      const c = item.caseKey ? cases.get(item.caseKey) : undefined;
      const out = ccItem(item, { glossary: glossaryNames, scenario: c ? { title: c.title, text: c.scenario } : undefined });
      if (!out.xml) {
        report.omitted.push({ key: item.key, reason: out.reason! });
        continue;
      }
      xmls.push(out.xml);
      if (out.simplified.length) report.simplified.push({ key: item.key, what: out.simplified });
    }
    if (!xmls.length) return null;
    const href = `${id}/assessment.xml`;
    files[href] = assessmentXml(id, title, xmls);
    // CC assessments are referenced through their file, not an href on the resource.
    resources.push(el("resource", { identifier: `res_${id}`, type: CC_ASSESSMENT_TYPE }, el("file", { href })));
    report.assessments += 1;
    report.itemsExported += xmls.length;
    return `res_${id}`;
  };

  const moduleItems: string[] = [];
  for (const m of bundle.modules) {
    const mid = ccId(m.dir);
    const children: string[] = [];
    for (const l of m.lessons) {
      const lid = ccId(`${m.dir}-${l.front.slug}`);
      const href = lessonHref(m, l);
      const up = "../../";
      const rendered = renderMarkdown(l.body, { glossary, glossaryHref: `${up}glossary.html`, figureUrl: (name) => (bundle.figures[name] !== undefined ? `${up}figures/${name}` : null) });
      const objectives = l.front.objectives.length
        ? `<section><h2>Objectives</h2><ul>${l.front.objectives.map((o) => `<li>${esc(o.text)}</li>`).join("")}</ul></section>\n`
        : "";
      webcontent(`res_lesson_${lid}`, href, l.front.title, objectives + rendered.html);
      report.lessons += 1;
      children.push(el("item", { identifier: `item_lesson_${lid}`, identifierref: `res_lesson_${lid}` }, textEl("title", {}, l.front.title)));
      const keys = new Set(l.front.objectives.map((o) => o.key));
      const checks = m.items.filter((i) => i.check && i.objective && keys.has(i.objective));
      const checkRes = checks.length ? assessment(`check_${lid}`, `Check for understanding: ${l.front.title}`, checks) : null;
      if (checkRes) children.push(el("item", { identifier: `item_${checkRes}`, identifierref: checkRes }, textEl("title", {}, `Check for understanding: ${l.front.title}`)));
    }
    const inLessonChecks = new Set(m.lessons.flatMap((l) => l.front.objectives.map((o) => o.key)));
    for (const i of m.items)
      if (i.check && !(i.objective && inLessonChecks.has(i.objective))) report.omitted.push({ key: i.key, reason: "a check item whose objective belongs to no lesson of its module" });
    const quizRes = assessment(`quiz_${mid}`, `Module quiz: ${m.meta.title}`, m.items.filter((i) => !i.check));
    if (quizRes) children.push(el("item", { identifier: `item_${quizRes}`, identifierref: quizRes }, textEl("title", {}, `Module quiz: ${m.meta.title}`)));
    moduleItems.push(el("item", { identifier: `module_${mid}` }, textEl("title", {}, m.meta.title), ...children));
  }
  if (bundle.glossary.length) {
    const body = `<dl>${[...bundle.glossary]
      .sort((a, b) => a.term.localeCompare(b.term))
      .map((g) => `<dt id="term-${esc(g.slug)}">${esc(g.term)}</dt><dd>${esc(g.definition)}</dd>`)
      .join("")}</dl>`;
    webcontent("res_glossary", "glossary.html", "Glossary", body);
    moduleItems.push(el("item", { identifier: "item_glossary", identifierref: "res_glossary" }, textEl("title", {}, "Glossary")));
  }

  files["imsmanifest.xml"] =
    XML_DECL +
    el(
      "manifest",
      {
        identifier: `${toIdentifier(bundle.course.slug)}_cc`,
        xmlns: CC_NS,
        "xmlns:lomimscc": CC_LOM_MANIFEST_NS,
        "xmlns:lom": CC_LOM_RESOURCE_NS,
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": SCHEMA_LOCATIONS,
      },
      el(
        "metadata",
        {},
        textEl("schema", {}, "IMS Common Cartridge"),
        textEl("schemaversion", {}, "1.3.0"),
        el(
          "lomimscc:lom",
          {},
          el(
            "lomimscc:general",
            {},
            el("lomimscc:title", {}, textEl("lomimscc:string", { language: "en" }, bundle.course.title)),
            bundle.course.summary ? el("lomimscc:description", {}, textEl("lomimscc:string", { language: "en" }, bundle.course.summary)) : null,
          ),
        ),
      ),
      el("organizations", {}, el("organization", { identifier: "org_1", structure: "rooted-hierarchy" }, el("item", { identifier: "root" }, ...moduleItems))),
      el("resources", {}, ...resources),
    ) +
    "\n";
  return { files, zip: zipFiles(files), report };
}
