// QTI 3.0 import: a content package (zip) back to items and cases. Our own packages come back
// field for field (the authored Markdown travels in data-paracrine-source attributes, metadata in the
// manifest's LOM); items from other tools are read from their standard parts, with their XHTML kept
// as sanitised HTML text. Every problem is reported per file; a malformed or unsafe package is
// refused as a whole with an InteropError. Pure.
import type { BundleCase } from "@/lib/content/bundle";
import { itemSchema, LEVELS, TOPICS, type Item, type ItemData } from "@/lib/items/schema";
import { DATA, FB, ITEM_RESOURCE_TYPE, STIMULUS_RESOURCE_TYPE, TAXON } from "./qti-shared";
import { InteropError, attr, find, fromIdentifier, kid, kids, local, parseXml, textOf, type XNode } from "./xml";
import { DEFAULT_LIMITS, unzipPackage, utf8, type UnzipLimits } from "./zip";

export interface QtiImportProblem {
  file: string;
  message: string;
}

export interface QtiImportResult {
  items: Item[];
  cases: BundleCase[];
  problems: QtiImportProblem[];
}

interface Meta {
  key?: string;
  objective?: string;
  topic?: string;
  level?: string;
}

// ------------------------------------------------------------------ text

const BLOCKS = new Set(["p", "div", "li", "ul", "ol", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr"]);

/** XHTML from another tool, re-serialised as HTML text (the platform sanitises "html" items on display). */
function toHtml(nodes: XNode[]): string {
  const escText = (s: string) => s.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
  return nodes
    .map((n) => {
      if (n.name === "#text") return escText(n.text ?? "");
      const name = local(n);
      if (name.startsWith("qti-")) return "";
      const a = Object.entries(n.attrs)
        .filter(([k]) => !k.startsWith("data-") && !k.includes(":") && k !== "xmlns")
        .map(([k, v]) => ` ${k}="${escText(v).replace(/"/g, "&quot;")}"`)
        .join("");
      return `<${name}${a}>${toHtml(n.children)}</${name}>`;
    })
    .join("");
}

const hasMarkup = (nodes: XNode[]) => nodes.some((n) => n.name !== "#text" && !local(n).startsWith("qti-"));

/** The authored text of a container: our source attribute, else its content. */
function readRich(container: XNode | undefined): { text: string; format: "markdown" | "html" | "plain" } {
  if (!container) return { text: "", format: "markdown" };
  // Our exporter wraps every text in one element carrying the source (or nothing when it is plain).
  const wrapper = kids(container).length === 1 && container.children.every((c) => c.name !== "#text" || !c.text?.trim()) ? kids(container)[0] : undefined;
  const holder = attr(container, DATA.source) !== undefined ? container : wrapper && attr(wrapper, DATA.source) !== undefined ? wrapper : undefined;
  if (holder) return { text: attr(holder, DATA.source)!, format: (attr(holder, DATA.format) as "html" | "plain" | undefined) ?? "markdown" };
  const inner = wrapper && ["span", "div"].includes(local(wrapper)) && !attr(wrapper, "class")?.includes("paracrine-unit") ? wrapper : container;
  const fmt = attr(inner, DATA.format) as "html" | "plain" | undefined;
  if (!hasMarkup(inner.children)) return { text: textOf(inner).trim(), format: fmt ?? "markdown" };
  return { text: toHtml(inner.children).trim(), format: "html" };
}

// ------------------------------------------------------------------ items

const num = (s: string | undefined, file: string, what: string) => {
  const x = Number(s);
  if (s === undefined || s.trim() === "" || !Number.isFinite(x)) throw new InteropError("malformed", `${file}: ${what} is not a number (${String(s)})`);
  return x;
};

function modalFeedback(root: XNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of kids(root, "qti-modal-feedback")) {
    const id = attr(f, "identifier");
    if (!id) continue;
    out.set(id, readRich(kid(f, "qti-content-body") ?? f).text);
  }
  for (const f of find(root, "qti-feedback-block")) {
    const id = attr(f, "identifier");
    if (id && !out.has(id)) out.set(id, readRich(kid(f, "qti-content-body") ?? f).text);
  }
  return out;
}

function mapping(decl: XNode | undefined): { key: string; value: number; caseSensitive: boolean }[] {
  const m = decl && kid(decl, "qti-mapping");
  if (!m) return [];
  return kids(m, "qti-map-entry").map((e) => ({ key: attr(e, "map-key") ?? "", value: Number(attr(e, "mapped-value") ?? "0"), caseSensitive: attr(e, "case-sensitive") !== "false" }));
}

const correctValues = (decl: XNode | undefined) => (decl ? kids(kid(decl, "qti-correct-response") ?? { name: "x", attrs: {}, children: [] }, "qti-value").map((v) => textOf(v).trim()) : []);

/** For numeric and short items: the answer index from the ANSWER_i that a response-if branch adds to FEEDBACK. */
function branchAnswerIndex(branch: XNode): number | undefined {
  for (const b of find(branch, "qti-base-value")) {
    const t = textOf(b).trim();
    if (t.startsWith(FB.answer)) return Number(t.slice(FB.answer.length)) - 1;
  }
  return undefined;
}

function branchScore(branch: XNode): number | undefined {
  const set = kids(branch, "qti-set-outcome-value").find((s) => attr(s, "identifier") === "SCORE");
  const b = set && kid(set, "qti-base-value");
  return b ? Number(textOf(b)) : undefined;
}

function readData(root: XNode, file: string, hintedType: string | undefined): ItemData {
  const body = kid(root, "qti-item-body");
  if (!body) throw new InteropError("malformed", `${file}: no qti-item-body`);
  const decls = kids(root, "qti-response-declaration");
  const fbs = modalFeedback(root);
  const choice = find(body, "qti-choice-interaction")[0];
  const textEntry = find(body, "qti-text-entry-interaction")[0];
  const match = find(body, "qti-match-interaction")[0];
  const order = find(body, "qti-order-interaction")[0];
  const interactions = [choice, textEntry, match, order].filter(Boolean).length + find(body, "qti-extended-text-interaction").length + find(body, "qti-hotspot-interaction").length;
  if (interactions !== 1) throw new InteropError("unsupported", `${file}: only items with exactly one choice, text-entry, match or order interaction are supported`);
  const declFor = (x: XNode) => decls.find((d) => attr(d, "identifier") === attr(x, "response-identifier"));
  const fb = (id: string) => fbs.get(id) || undefined;

  if (choice) {
    const decl = declFor(choice);
    const choices = kids(choice, "qti-simple-choice");
    const ids = choices.map((c) => attr(c, "identifier") ?? "");
    const correct = correctValues(decl);
    if (hintedType === "truefalse" || (hintedType === undefined && ids.length === 2 && ids.includes("true") && ids.includes("false"))) {
      return { type: "truefalse", answer: correct[0] === "true", feedbackTrue: fb(FB.choice + "true"), feedbackFalse: fb(FB.choice + "false") };
    }
    const single = attr(choice, "max-choices") === "1" || attr(decl, "cardinality") === "single";
    const map = new Map(mapping(decl).map((e) => [e.key, e.value]));
    const nCorrect = correct.length || 1;
    return {
      type: single ? "single" : "multiple",
      options: choices.map((c, i) => ({
        id: fromIdentifier(ids[i]),
        text: readRich(c).text,
        // Without a mapping, the correct response decides: full credit shared, a wrong pick costs as much.
        weight: map.get(ids[i]) ?? (correct.includes(ids[i]) ? (single ? 1 : 1 / nCorrect) : single ? 0 : -1 / nCorrect),
        feedback: fb(FB.choice + ids[i]),
      })),
    };
  }
  if (textEntry) {
    const decl = declFor(textEntry);
    const baseType = attr(decl, "base-type");
    const branches = find(root, "qti-response-condition").flatMap((c) => [...kids(c, "qti-response-if"), ...kids(c, "qti-response-else-if")]);
    if (baseType === "float" || baseType === "integer") {
      const answers: { i: number; a: { value: number; tolerance: number; weight: number; feedback?: string } }[] = [];
      branches.forEach((b, n) => {
        const eq = kid(b, "qti-equal");
        if (!eq) return;
        const value = num(textOf(kid(eq, "qti-base-value")), file, "an answer value");
        const tol = attr(eq, "tolerance-mode") === "absolute" ? num((attr(eq, "tolerance") ?? "0").trim().split(/\s+/)[0], file, "a tolerance") : 0;
        const i = branchAnswerIndex(b) ?? n;
        answers.push({ i, a: { value, tolerance: tol, weight: branchScore(b) ?? 1, feedback: fb(FB.answer + (i + 1)) } });
      });
      if (!answers.length) {
        const v = correctValues(decl)[0];
        answers.push({ i: 0, a: { value: num(v, file, "the correct response"), tolerance: 0, weight: 1 } });
      }
      const unit = find(body, "span").find((s) => attr(s, "class")?.split(/\s+/).includes("paracrine-unit"));
      return {
        type: "numeric",
        unit: unit ? textOf(unit).trim() : undefined,
        answers: answers.sort((x, y) => x.i - y.i).map((x) => x.a),
        feedbackIncorrect: fb(FB.incorrect),
      };
    }
    const entries = mapping(decl);
    const list = entries.length ? entries.map((e) => ({ text: e.key, weight: e.value })) : correctValues(decl).map((t) => ({ text: t, weight: 1 }));
    return {
      type: "short",
      answers: list.map((a, i) => ({ ...a, feedback: fb(FB.answer + (i + 1)) })),
      caseSensitive: entries.length ? entries.every((e) => e.caseSensitive) : true,
      feedbackIncorrect: fb(FB.incorrect),
    };
  }
  if (match) {
    const decl = declFor(match);
    const [sources, targets] = kids(match, "qti-simple-match-set").map((s) => kids(s, "qti-simple-associable-choice"));
    if (!sources || !targets) throw new InteropError("malformed", `${file}: a match interaction needs two match sets`);
    const text = new Map([...sources, ...targets].map((c) => [attr(c, "identifier") ?? "", readRich(c).text]));
    const pairs = correctValues(decl).map((p) => p.split(/\s+/));
    const used = new Set(pairs.map(([, t]) => t));
    return {
      type: "matching",
      pairs: pairs.map(([s, t]) => ({ id: fromIdentifier(s.replace(/^P_/, "")), prompt: text.get(s) ?? "", match: text.get(t) ?? "" })),
      distractors: targets.filter((t) => !used.has(attr(t, "identifier") ?? "")).map((t) => readRich(t).text),
      feedback: fb(FB.general),
    };
  }
  const decl = declFor(order);
  const text = new Map(kids(order, "qti-simple-choice").map((c) => [attr(c, "identifier") ?? "", readRich(c).text]));
  return {
    type: "ordering",
    sequence: correctValues(decl).map((id) => ({ id: fromIdentifier(id), text: text.get(id) ?? "" })),
    feedback: fb(FB.general),
  };
}

/** Parses one qti-assessment-item document into an Item (validated against the item schema). */
export function qtiToItem(xml: string, file: string, meta: Meta = {}): Item {
  const root = parseXml(xml, file);
  if (local(root) !== "qti-assessment-item") throw new InteropError("unsupported", `${file}: root element is ${root.name}, not qti-assessment-item`);
  const identifier = attr(root, "identifier");
  if (!identifier) throw new InteropError("malformed", `${file}: qti-assessment-item has no identifier`);
  const body = kid(root, "qti-item-body")!;
  // Our stem is the first element of the body carrying the item type; another tool's stem is all the body's non-interaction content.
  const stemEl = kids(body ?? root).find((c) => attr(c, DATA.type) !== undefined);
  const data = readData(root, file, stemEl ? attr(stemEl, DATA.type) : undefined);
  let stem: { text: string; format: "markdown" | "html" | "plain" };
  if (stemEl) stem = readRich(stemEl);
  else {
    const prompt = find(body, "qti-prompt")[0];
    const rest = body.children.filter((c) => c.name === "#text" || !find({ name: "x", attrs: {}, children: [c] }, "qti-text-entry-interaction").length && !local(c).endsWith("-interaction"));
    const nodes = [...(prompt ? prompt.children : []), ...rest];
    stem = hasMarkup(nodes) ? { text: toHtml(nodes).trim(), format: "html" } : { text: nodes.map(textOf).join("").trim(), format: "markdown" };
  }
  const stimulus = kid(root, "qti-assessment-stimulus-ref");
  const step = stemEl ? attr(stemEl, DATA.step) : undefined;
  const candidate = {
    key: meta.key ?? fromIdentifier(identifier),
    stem: stem.text,
    stemFormat: stem.format,
    explanation: modalFeedback(root).get(FB.explanation) ?? "",
    objective: meta.objective,
    topic: meta.topic,
    level: meta.level,
    check: stemEl ? attr(stemEl, DATA.check) === "true" : false,
    caseKey: stimulus ? caseKeyOf(attr(stimulus, "identifier") ?? "") : undefined,
    step: step !== undefined ? Number(step) : undefined,
    data,
  };
  const parsed = itemSchema.safeParse(candidate);
  if (!parsed.success)
    throw new InteropError("malformed", `${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "item"}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

const caseKeyOf = (stimulusId: string) => fromIdentifier(stimulusId.replace(/^case_/, ""));

export function qtiToCase(xml: string, file: string): BundleCase {
  const root = parseXml(xml, file);
  if (local(root) !== "qti-assessment-stimulus") throw new InteropError("unsupported", `${file}: root element is ${root.name}, not qti-assessment-stimulus`);
  const id = attr(root, "identifier");
  if (!id) throw new InteropError("malformed", `${file}: qti-assessment-stimulus has no identifier`);
  return { key: caseKeyOf(id), title: attr(root, "title") ?? id, scenario: readRich(kid(root, "qti-stimulus-body")).text };
}

// ------------------------------------------------------------------ package

function lomMeta(resource: XNode): Meta {
  const lom = find(resource, "lom")[0];
  if (!lom) return {};
  const meta: Meta = {};
  for (const id of find(lom, "identifier")) if (textOf(kid(id, "catalog")).trim() === "paracrine:item-key") meta.key = textOf(kid(id, "entry")).trim();
  for (const tp of find(lom, "taxonPath")) {
    const source = textOf(kid(tp, "source")).trim();
    const taxonId = textOf(kid(kid(tp, "taxon") ?? tp, "id")).trim();
    if (source === TAXON.objective) meta.objective = taxonId;
    if (source === TAXON.topic && (TOPICS as readonly string[]).includes(taxonId)) meta.topic = taxonId;
    if (source === TAXON.level && (LEVELS as readonly string[]).includes(taxonId)) meta.level = taxonId;
  }
  return meta;
}

/** Resolves an href against the manifest's folder, refusing anything that leaves the package. */
function resolveHref(href: string): string {
  const parts: string[] = [];
  let decoded: string;
  try {
    decoded = decodeURIComponent(href.split(/[?#]/)[0]);
  } catch {
    throw new InteropError("malformed", `href ${href} is not a valid URI`);
  }
  for (const seg of decoded.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") throw new InteropError("unsafe", `href ${href} leaves the package`);
    parts.push(seg);
  }
  return parts.join("/");
}

/** Imports a QTI 3.0 content package (zip bytes). Throws InteropError if the package is unsafe or unreadable. */
export function importQtiPackage(zip: Uint8Array, limits: UnzipLimits = DEFAULT_LIMITS): QtiImportResult {
  const entries = unzipPackage(zip, limits);
  const manifestBytes = entries["imsmanifest.xml"];
  if (!manifestBytes) throw new InteropError("malformed", "the package has no imsmanifest.xml at its root");
  const manifest = parseXml(utf8(manifestBytes), "imsmanifest.xml");
  if (local(manifest) !== "manifest") throw new InteropError("malformed", "imsmanifest.xml: root element is not manifest");
  const resources = find(manifest, "resource");
  const result: QtiImportResult = { items: [], cases: [], problems: [] };
  const keys = new Set<string>();
  for (const r of resources) {
    const type = attr(r, "type") ?? "";
    if (type !== ITEM_RESOURCE_TYPE && type !== STIMULUS_RESOURCE_TYPE) {
      if (type.startsWith("imsqti_item")) result.problems.push({ file: attr(r, "href") ?? "?", message: `resource type ${type} is not QTI 3.0 (skipped)` });
      continue;
    }
    const href = attr(r, "href") ?? attr(kid(r, "file"), "href");
    if (!href) {
      result.problems.push({ file: "imsmanifest.xml", message: `resource ${attr(r, "identifier") ?? "?"} has no href` });
      continue;
    }
    const path = resolveHref(href);
    const bytes = entries[path];
    if (!bytes) {
      result.problems.push({ file: path, message: "listed in the manifest but missing from the package" });
      continue;
    }
    try {
      if (type === STIMULUS_RESOURCE_TYPE) result.cases.push(qtiToCase(utf8(bytes), path));
      else {
        const item = qtiToItem(utf8(bytes), path, lomMeta(r));
        if (keys.has(item.key)) result.problems.push({ file: path, message: `duplicate item key ${item.key} (skipped)` });
        else {
          keys.add(item.key);
          result.items.push(item);
        }
      }
    } catch (e) {
      // An unsafe document poisons the whole package; an unsupported, invalid or unexpectedly shaped
      // item is reported and skipped, so one odd item never hides the others.
      if (e instanceof InteropError && e.code === "unsafe") throw e;
      result.problems.push({ file: path, message: (e instanceof Error ? e.message : String(e)).replace(`${path}: `, "") });
    }
  }
  return result;
}
