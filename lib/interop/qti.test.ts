import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseCourseFiles } from "@/lib/content/bundle";
import { readCourseFolder } from "@/lib/content/read-folder";
import { gradeItem } from "@/lib/items/grade";
import { itemSchema, type Item, type ItemResponse } from "@/lib/items/schema";
import { exportQtiPackage, itemToQti } from "./qti-export";
import { importQtiPackage, qtiToItem } from "./qti-import";
import { FB, ITEM_RESOURCE_TYPE, QTI_CP_NS, QTI_NS, STIMULUS_RESOURCE_TYPE } from "./qti-shared";
import { QtiItemRunner, type QValue } from "./qti-eval.test-support";
import { InteropError, attr, find, fromIdentifier, kids, local, parseXml, toIdentifier } from "./xml";
import { zipFiles } from "./zip";

const { bundle } = parseCourseFiles(readCourseFolder(path.resolve("content/paracrine")));
const items = bundle!.modules.flatMap((m) => m.items);
const cases = bundle!.modules.flatMap((m) => m.cases);
const exported = exportQtiPackage(bundle!);
const text = (f: string) => exported.files[f] as string;

function refusal(fn: () => unknown): InteropError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InteropError) return e;
    throw e;
  }
  throw new Error("expected the package to be refused");
}

describe("QTI 3.0 round trip of the demo course", () => {
  const back = importQtiPackage(exported.zip);

  it("imports every item and case without problems", () => {
    expect(back.problems).toEqual([]);
    expect(back.items.map((i) => i.key).sort()).toEqual(items.map((i) => i.key).sort());
    expect(back.cases.map((c) => c.key).sort()).toEqual(cases.map((c) => c.key).sort());
  });

  it("keeps every field of every item", () => {
    const byKey = new Map(back.items.map((i) => [i.key, i]));
    const diffs: string[] = [];
    for (const item of items) {
      const got = byKey.get(item.key) as Record<string, unknown> | undefined;
      if (!got) {
        diffs.push(`${item.key}: missing`);
        continue;
      }
      const fields = new Set([...Object.keys(item), ...Object.keys(got)]);
      for (const f of fields) {
        const a = (item as Record<string, unknown>)[f];
        const b = got[f];
        if (f === "data") {
          const da = a as Record<string, unknown>;
          const db = b as Record<string, unknown>;
          for (const k of new Set([...Object.keys(da), ...Object.keys(db)]))
            if (JSON.stringify(da[k]) !== JSON.stringify(db[k])) diffs.push(`${item.key}: data.${k}: ${JSON.stringify(da[k])} became ${JSON.stringify(db[k])}`);
        } else if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${item.key}: ${f}: ${JSON.stringify(a)} became ${JSON.stringify(b)}`);
      }
    }
    expect(diffs).toEqual([]);
  });

  it("keeps every case's title and scenario", () => {
    const byKey = new Map(back.cases.map((c) => [c.key, c]));
    for (const c of cases) expect(byKey.get(c.key), c.key).toEqual(c);
  });

  it("exports all seven types", () => {
    expect(Object.keys(exported.report.byType).sort()).toEqual(["matching", "multiple", "numeric", "ordering", "short", "single", "truefalse"]);
  });
});

describe("QTI 3.0 package structure", () => {
  const manifest = parseXml(text("imsmanifest.xml"), "imsmanifest.xml");
  const resources = find(manifest, "resource");

  it("has a QTI 3.0 content-package manifest with one resource per item and per case", () => {
    expect(local(manifest)).toBe("manifest");
    expect(attr(manifest, "xmlns")).toBe(QTI_CP_NS);
    expect(attr(manifest, "identifier")).toBeTruthy();
    expect(resources.filter((r) => attr(r, "type") === ITEM_RESOURCE_TYPE)).toHaveLength(items.length);
    expect(resources.filter((r) => attr(r, "type") === STIMULUS_RESOURCE_TYPE)).toHaveLength(cases.length);
  });

  it("has unique identifiers and every href, file and dependency present", () => {
    const ids = resources.map((r) => attr(r, "identifier"));
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of resources) {
      expect(exported.files[attr(r, "href")!], attr(r, "href")).toBeDefined();
      for (const f of kids(r, "file")) expect(exported.files[attr(f, "href")!], attr(f, "href")).toBeDefined();
      for (const d of kids(r, "dependency")) expect(ids).toContain(attr(d, "identifierref"));
    }
    const itemIds = items.map((i) => toIdentifier(i.key));
    expect(new Set(itemIds).size).toBe(itemIds.length);
  });

  it("writes every item as a consistent qti-assessment-item", () => {
    for (const item of items) {
      const root = parseXml(text(`items/${toIdentifier(item.key)}.xml`), item.key);
      expect(local(root), item.key).toBe("qti-assessment-item");
      expect(attr(root, "xmlns"), item.key).toBe(QTI_NS);
      for (const a of ["identifier", "title", "adaptive", "time-dependent"]) expect(attr(root, a), `${item.key} ${a}`).toBeTruthy();
      const declared = new Set([...kids(root, "qti-response-declaration"), ...kids(root, "qti-outcome-declaration")].map((d) => attr(d, "identifier")));
      for (const v of [...find(root, "qti-variable"), ...find(root, "qti-set-outcome-value"), ...find(root, "qti-map-response"), ...find(root, "qti-correct")])
        expect(declared.has(attr(v, "identifier")), `${item.key}: ${attr(v, "identifier")} is declared`).toBe(true);
      for (const i of find(root, "qti-item-body").flatMap((b) => b.children.flatMap((c) => [c, ...find(c, "qti-text-entry-interaction")])).filter((c) => local(c).endsWith("-interaction")))
        expect(declared.has(attr(i, "response-identifier")), item.key).toBe(true);
      // Every modal feedback can be shown: its identifier is a value the response processing sets.
      const settable = new Set(find(kids(root, "qti-response-processing")[0], "qti-base-value").map((b) => b.children.map((c) => c.text).join("")));
      for (const f of kids(root, "qti-modal-feedback")) expect(settable.has(attr(f, "identifier")!), `${item.key}: ${attr(f, "identifier")}`).toBe(true);
      for (const s of find(root, "qti-assessment-stimulus-ref")) expect(exported.files[attr(s, "href")!.replace(/^\.\.\//, "")], item.key).toBeDefined();
    }
  }, 120_000);

  it("groups each module's items in a qti-assessment-test: lesson checks, then the module quiz", () => {
    expect(exported.report.tests).toBe(bundle!.modules.length);
    for (const m of bundle!.modules) {
      const test = parseXml(text(`tests/module_${toIdentifier(m.meta.slug)}.xml`), m.dir);
      expect(local(test)).toBe("qti-assessment-test");
      const sections = find(test, "qti-assessment-section");
      expect(attr(sections.at(-1), "identifier")).toBe("quiz");
      const refs = find(test, "qti-assessment-item-ref");
      for (const r of refs) expect(exported.files[attr(r, "href")!.replace(/^\.\.\//, "")], attr(r, "href")).toBeDefined();
      expect(refs.map((r) => fromIdentifier(attr(r, "identifier")!)).sort()).toEqual(m.items.map((i) => i.key).sort());
      expect(find(sections.at(-1)!, "qti-assessment-item-ref").map((r) => attr(r, "identifier"))).toEqual(m.items.filter((i) => !i.check).map((i) => toIdentifier(i.key)));
    }
  });

  it("uses the interaction and scoring the brief names for each type", () => {
    const xmlOf = (type: string) => text(`items/${toIdentifier(items.find((i) => i.data.type === type)!.key)}.xml`);
    expect(xmlOf("single")).toMatch(/<qti-choice-interaction[^>]*max-choices="1"/);
    expect(xmlOf("multiple")).toMatch(/<qti-choice-interaction[^>]*max-choices="0"[\s\S]*<qti-map-response/);
    expect(xmlOf("multiple")).toMatch(/<qti-mapping[^>]*lower-bound="0"/);
    expect(xmlOf("numeric")).toMatch(/base-type="float"[\s\S]*<qti-text-entry-interaction[\s\S]*<qti-equal tolerance-mode="absolute" tolerance="[0-9.]+"/);
    expect(xmlOf("matching")).toMatch(/base-type="directedPair"[\s\S]*<qti-match-interaction/);
    expect(xmlOf("ordering")).toMatch(/cardinality="ordered"[\s\S]*<qti-order-interaction/);
    expect(xmlOf("short")).toMatch(/base-type="string"[\s\S]*<qti-map-entry[^>]*case-sensitive="false"/);
  });

  it("reports per item what QTI cannot carry", () => {
    const short = exported.report.items.filter((r) => r.type === "short");
    expect(short.length).toBeGreaterThan(0);
    for (const r of short) expect(r.lost.join(" ")).toMatch(/whitespace/);
    const withImage = itemToQti({ ...items[0], stem: "See ![a figure](figures/x.svg) here." });
    expect(withImage.lost).toContain("an image");
    expect(exported.report.items.find((r) => r.key === items.find((i) => i.check)!.key)!.extension.join(" ")).toMatch(/check/);
  });
});

describe("QTI response processing scores as the platform does", () => {
  // Responses per type: every option, subsets, values around the tolerance, shuffles.
  function* responses(item: Item): Generator<[QValue, ItemResponse]> {
    const d = item.data;
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const shuffle = <T,>(xs: T[]) => xs.map((x) => [rand(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
    switch (d.type) {
      case "single":
        for (const o of d.options) yield [toIdentifier(o.id), { type: "single", optionId: o.id }];
        break;
      case "multiple":
        for (let mask = 0; mask < 1 << Math.min(d.options.length, 6); mask++) {
          const chosen = d.options.filter((_, i) => mask & (1 << i));
          yield [chosen.map((o) => toIdentifier(o.id)), { type: "multiple", optionIds: chosen.map((o) => o.id) }];
        }
        break;
      case "truefalse":
        yield ["true", { type: "truefalse", value: true }];
        yield ["false", { type: "truefalse", value: false }];
        break;
      case "numeric":
        for (const a of d.answers)
          for (const v of [a.value, a.value + a.tolerance * 0.99, a.value - a.tolerance * 0.99, a.value + a.tolerance * 1.01 + 1e-6, a.value - a.tolerance - 0.5, 0, -12345])
            yield [v, { type: "numeric", value: v }];
        break;
      case "matching": {
        const targets = [...new Set([...d.pairs.map((p) => p.match), ...d.distractors])];
        for (let k = 0; k < 12; k++) {
          const pick = d.pairs.map((p, i) => (k === 0 ? p.match : targets[Math.floor(rand() * targets.length)] ?? targets[i]));
          yield [d.pairs.map((p, i) => `P_${toIdentifier(p.id)} T_${targets.indexOf(pick[i]) + 1}`), { type: "matching", matches: Object.fromEntries(d.pairs.map((p, i) => [p.id, pick[i]])) }];
        }
        break;
      }
      case "ordering": {
        const ids = d.sequence.map((s) => s.id);
        for (const order of [ids, [...ids].reverse(), ...Array.from({ length: 10 }, () => shuffle(ids))])
          yield [order.map(toIdentifier), { type: "ordering", order }];
        break;
      }
      case "short":
        for (const a of d.answers) {
          yield [a.text, { type: "short", text: a.text }];
          if (!d.caseSensitive) yield [a.text.toUpperCase(), { type: "short", text: a.text.toUpperCase() }];
        }
        yield ["certainly not an answer", { type: "short", text: "certainly not an answer" }];
        break;
    }
  }

  it("gives every demo item the platform's score and feedback for every sampled response", () => {
    const diffs: string[] = [];
    let runs = 0;
    for (const item of items) {
      const runner = new QtiItemRunner(itemToQti(item).xml);
      const texts = runner.feedbackTexts();
      for (const [qti, platform] of responses(item)) {
        const got = runner.run(qti);
        const want = gradeItem(item.data, platform);
        runs += 1;
        if (Math.abs(got.score - want.score) > 1e-6) diffs.push(`${item.key} ${JSON.stringify(qti)}: score ${got.score}, platform ${want.score}`);
        const shown = got.feedback.filter((f) => f !== FB.explanation).map((f) => texts.get(f)).filter(Boolean).sort();
        if (JSON.stringify(shown) !== JSON.stringify([...want.feedback].sort())) diffs.push(`${item.key} ${JSON.stringify(qti)}: feedback differs`);
        if (item.explanation && !got.feedback.includes(FB.explanation)) diffs.push(`${item.key}: explanation not shown`);
      }
    }
    expect(diffs).toEqual([]);
    expect(runs).toBeGreaterThan(1000);
    // Parsing ~300 items takes seconds on a shared machine; the limit only guards against a hang.
  }, 120_000);
});

describe("QTI identifiers and items from other tools", () => {
  it("encodes keys that are not NCNames reversibly", () => {
    for (const key of ["m01-q01", "1:a", "x_abc", "a b", "ünï"]) {
      const id = toIdentifier(key);
      expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_.-]*$/);
      expect(fromIdentifier(id)).toBe(key);
    }
  });

  it("round-trips an item with an awkward key, a plain-text stem and weighted short answers", () => {
    const item = itemSchema.parse({
      key: "9:odd.key",
      stem: "Name it <not html> & say \"why\"",
      stemFormat: "plain",
      explanation: "",
      data: { type: "short", answers: [{ text: "HSPG", weight: 1 }, { text: "proteoglycan", weight: 0.5, feedback: "Half right." }], caseSensitive: true },
    });
    const files = { "imsmanifest.xml": `<manifest xmlns="${QTI_CP_NS}"><resources><resource identifier="r" type="${ITEM_RESOURCE_TYPE}" href="i.xml"/></resources></manifest>`, "i.xml": itemToQti(item).xml };
    expect(importQtiPackage(zipFiles(files)).items).toEqual([item]);
  });

  it("reads a plain QTI 3.0 choice item written by another tool", () => {
    const xml = `<?xml version="1.0"?>
<qti-assessment-item xmlns="${QTI_NS}" identifier="ext-1" title="Ext" adaptive="false" time-dependent="false">
  <qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier">
    <qti-correct-response><qti-value>B</qti-value></qti-correct-response>
  </qti-response-declaration>
  <qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>
  <qti-item-body>
    <qti-choice-interaction response-identifier="RESPONSE" max-choices="1">
      <qti-prompt>Which cell secretes &lt;b&gt;PDGF&lt;/b&gt;?</qti-prompt>
      <qti-simple-choice identifier="A">Neuron</qti-simple-choice>
      <qti-simple-choice identifier="B">Platelet</qti-simple-choice>
    </qti-choice-interaction>
  </qti-item-body>
</qti-assessment-item>`;
    const item = qtiToItem(xml, "ext.xml");
    expect(item.key).toBe("ext-1");
    expect(item.stem).toBe("Which cell secretes <b>PDGF</b>?");
    expect(item.data).toEqual({ type: "single", options: [{ id: "A", text: "Neuron", weight: 0 }, { id: "B", text: "Platelet", weight: 1 }] });
  });
});

describe("QTI import refuses unsafe or malformed packages", () => {
  const manifest = `<manifest xmlns="${QTI_CP_NS}"><resources/></manifest>`;

  it("refuses path traversal in entry names", () => {
    const zip = zipSync({ "imsmanifest.xml": strToU8(manifest), "../evil.xml": strToU8("<x/>") });
    expect(refusal(() => importQtiPackage(zip)).code).toBe("unsafe");
  });

  it("refuses absolute entry names", () => {
    const zip = zipSync({ "imsmanifest.xml": strToU8(manifest), "/etc/evil.xml": strToU8("<x/>") });
    expect(refusal(() => importQtiPackage(zip)).code).toBe("unsafe");
  });

  it("refuses an entry over the size cap before inflating it", () => {
    const zip = zipSync({ "imsmanifest.xml": strToU8(manifest), "big.xml": new Uint8Array(200_000) });
    const e = refusal(() => importQtiPackage(zip, { maxEntryBytes: 100_000, maxTotalBytes: 1e9, maxEntries: 10 }));
    expect(e.code).toBe("too-large");
    expect(e.message).toMatch(/big\.xml/);
  });

  it("refuses more entries than the limit", () => {
    const entries = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.xml`, strToU8("<x/>")]));
    const zip = zipSync({ "imsmanifest.xml": strToU8(manifest), ...entries });
    expect(refusal(() => importQtiPackage(zip, { maxEntryBytes: 1e6, maxTotalBytes: 1e9, maxEntries: 10 })).code).toBe("too-large");
  });

  it("refuses entity declarations (no entity expansion)", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><manifest xmlns="${QTI_CP_NS}"><resources>&b;</resources></manifest>`;
    const e = refusal(() => importQtiPackage(zipSync({ "imsmanifest.xml": strToU8(bomb) })));
    expect(e.code).toBe("unsafe");
    expect(e.message).toMatch(/DOCTYPE/);
  });

  it("refuses undeclared entity references instead of expanding them", () => {
    expect(refusal(() => parseXml(`<a>&ext;</a>`, "a.xml")).code).toBe("unsafe");
    expect(parseXml(`<a b="x&#10;y">&lt;&amp;&#x3bb;</a>`, "a.xml").children[0].text).toBe("<&λ");
  });

  it("refuses an href that leaves the package", () => {
    const m = `<manifest xmlns="${QTI_CP_NS}"><resources><resource identifier="r" type="${ITEM_RESOURCE_TYPE}" href="items/../../x.xml"/></resources></manifest>`;
    expect(refusal(() => importQtiPackage(zipSync({ "imsmanifest.xml": strToU8(m) }))).code).toBe("unsafe");
  });

  it("refuses an unsafe item document even when the manifest is fine", () => {
    const m = `<manifest xmlns="${QTI_CP_NS}"><resources><resource identifier="r" type="${ITEM_RESOURCE_TYPE}" href="i.xml"/></resources></manifest>`;
    const item = `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><qti-assessment-item identifier="i">&e;</qti-assessment-item>`;
    expect(refusal(() => importQtiPackage(zipSync({ "imsmanifest.xml": strToU8(m), "i.xml": strToU8(item) }))).code).toBe("unsafe");
  });

  it("refuses a package without a manifest, bytes that are not a zip, and XML that is not well-formed", () => {
    expect(refusal(() => importQtiPackage(zipSync({ "a.xml": strToU8("<x/>") }))).message).toMatch(/imsmanifest\.xml/);
    expect(refusal(() => importQtiPackage(strToU8("not a zip at all"))).code).toBe("malformed");
    expect(refusal(() => importQtiPackage(zipSync({ "imsmanifest.xml": strToU8("<manifest><oops></manifest>") }))).code).toBe("malformed");
  });

  it("reports a listed file that is missing, and an invalid item, without refusing the rest", () => {
    const m = `<manifest xmlns="${QTI_CP_NS}"><resources>
      <resource identifier="a" type="${ITEM_RESOURCE_TYPE}" href="missing.xml"/>
      <resource identifier="b" type="${ITEM_RESOURCE_TYPE}" href="bad.xml"/>
      <resource identifier="c" type="${ITEM_RESOURCE_TYPE}" href="good.xml"/></resources></manifest>`;
    const bad = `<qti-assessment-item xmlns="${QTI_NS}" identifier="bad"><qti-item-body><p>No interaction</p></qti-item-body></qti-assessment-item>`;
    const r = importQtiPackage(zipSync({ "imsmanifest.xml": strToU8(m), "bad.xml": strToU8(bad), "good.xml": strToU8(itemToQti(items[0]).xml) }));
    expect(r.items.map((i) => i.key)).toEqual([items[0].key]);
    expect(r.problems.map((p) => p.file)).toEqual(["missing.xml", "bad.xml"]);
  });
});
