import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCourseFiles } from "@/lib/content/bundle";
import { readCourseFolder } from "@/lib/content/read-folder";
import { CC_ASSESSMENT_TYPE, CC_NS, CC_PROFILES, CC_QTI_NS, exportCommonCartridge } from "./cc-export";
import { attr, find, kid, kids, local, parseXml, textOf, toIdentifier, type XNode } from "./xml";
import { unzipPackage, utf8 } from "./zip";

const { bundle } = parseCourseFiles(readCourseFolder(path.resolve("content/paracrine")));
const b = bundle!;
const { files, zip, report } = exportCommonCartridge(b);
const manifest = parseXml(files["imsmanifest.xml"] as string, "imsmanifest.xml");
const resources = find(manifest, "resource");
const resById = new Map(resources.map((r) => [attr(r, "identifier")!, r]));
const allItems = b.modules.flatMap((m) => m.items);

const fieldValue = (n: XNode, label: string) =>
  find(n, "qtimetadatafield")
    .filter((f) => textOf(kid(f, "fieldlabel")).trim() === label)
    .map((f) => textOf(kid(f, "fieldentry")).trim())[0];

describe("Common Cartridge 1.3 manifest", () => {
  it("declares CC 1.3 with the course title", () => {
    expect(local(manifest)).toBe("manifest");
    expect(attr(manifest, "xmlns")).toBe(CC_NS);
    const md = kid(manifest, "metadata")!;
    expect(textOf(kid(md, "schema"))).toBe("IMS Common Cartridge");
    expect(textOf(kid(md, "schemaversion"))).toBe("1.3.0");
    expect(textOf(find(md, "title")[0]).trim()).toBe(b.course.title);
  });

  it("has unique identifiers, and every identifierref and dependency resolves", () => {
    const ids = [...find(manifest, "item"), ...resources, ...find(manifest, "organization")].map((n) => attr(n, "identifier"));
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of find(manifest, "item").filter((x) => attr(x, "identifierref"))) expect(resById.has(attr(i, "identifierref")!), attr(i, "identifierref")).toBe(true);
    for (const d of find(manifest, "dependency")) expect(resById.has(attr(d, "identifierref")!)).toBe(true);
  });

  it("lists every file of the zip in a resource, and every resource file is in the zip", () => {
    const unzipped = unzipPackage(zip);
    const listed = new Set(find(manifest, "file").map((f) => attr(f, "href")!));
    for (const r of resources) if (attr(r, "href")) expect(listed.has(attr(r, "href")!)).toBe(true);
    for (const f of listed) expect(unzipped[f], f).toBeDefined();
    expect(Object.keys(unzipped).filter((f) => f !== "imsmanifest.xml" && !listed.has(f))).toEqual([]);
  });

  it("organises the course as modules holding lessons, lesson checks and the module quiz", () => {
    const org = find(manifest, "organization");
    expect(org).toHaveLength(1);
    expect(attr(org[0], "structure")).toBe("rooted-hierarchy");
    const roots = kids(org[0], "item");
    expect(roots).toHaveLength(1);
    const modules = kids(roots[0], "item").filter((i) => !attr(i, "identifierref"));
    expect(modules.map((m) => textOf(kid(m, "title")))).toEqual(b.modules.map((m) => m.meta.title));
    b.modules.forEach((m, i) => {
      const children = kids(modules[i], "item");
      const lessons = children.filter((c) => attr(resById.get(attr(c, "identifierref")!)!, "type") === "webcontent");
      expect(lessons.map((l) => textOf(kid(l, "title")))).toEqual(m.lessons.map((l) => l.front.title));
      const quizzes = children.filter((c) => attr(resById.get(attr(c, "identifierref")!)!, "type") === CC_ASSESSMENT_TYPE);
      expect(quizzes.map((q) => textOf(kid(q, "title")))).toContain(`Module quiz: ${m.meta.title}`);
      // A leaf that points to a resource holds no further items.
      for (const c of children) expect(kids(c, "item")).toHaveLength(0);
    });
  });
});

describe("Common Cartridge assessments (QTI 1.2.1, CC profile)", () => {
  const assessments = resources.filter((r) => attr(r, "type") === CC_ASSESSMENT_TYPE);
  const docs = assessments.map((r) => {
    expect(attr(r, "href"), "assessment resources carry their file, not an href").toBeUndefined();
    const file = attr(kid(r, "file"), "href")!;
    expect(file).toMatch(/\/assessment\.xml$/);
    return parseXml(files[file] as string, file);
  });

  it("writes questestinterop assessments with the exam profile", () => {
    expect(docs.length).toBe(report.assessments);
    for (const d of docs) {
      expect(local(d)).toBe("questestinterop");
      expect(attr(d, "xmlns")).toBe(CC_QTI_NS);
      const a = kid(d, "assessment")!;
      expect(attr(a, "ident")).toBeTruthy();
      expect(fieldValue(kid(a, "qtimetadata")!, "cc_profile")).toBe("cc.exam.v0p1");
      expect(kids(a, "section")).toHaveLength(1);
    }
  });

  it("gives every item the CC profile of its type and resolvable feedback", () => {
    const byIdent = new Map(allItems.map((i) => [toIdentifier(i.key), i]));
    const seen: string[] = [];
    for (const d of docs)
      for (const it of find(d, "item")) {
        const item = byIdent.get(attr(it, "ident")!)!;
        expect(item, attr(it, "ident")).toBeDefined();
        seen.push(item.key);
        const profile = fieldValue(kid(it, "itemmetadata")!, "cc_profile");
        expect(profile, item.key).toBe(CC_PROFILES[item.data.type as keyof typeof CC_PROFILES]);
        const fb = new Set(kids(it, "itemfeedback").map((f) => attr(f, "ident")));
        for (const ref of find(it, "displayfeedback")) expect(fb.has(attr(ref, "linkrefid")), `${item.key} ${attr(ref, "linkrefid")}`).toBe(true);
        const lid = find(it, "response_lid")[0];
        if (item.data.type === "multiple") expect(attr(lid, "rcardinality")).toBe("Multiple");
        if (item.data.type === "single" || item.data.type === "truefalse") expect(attr(lid, "rcardinality")).toBe("Single");
        if (item.data.type === "short" || item.data.type === "numeric") expect(find(it, "render_fib")).toHaveLength(1);
        // Some condition gives full marks (100) to a correct response.
        expect(find(it, "setvar").some((s) => Number(textOf(s)) === 100), item.key).toBe(true);
      }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(report.itemsExported);
  });

  it("accounts for every item: exported once, or omitted with a reason", () => {
    const omitted = report.omitted.map((o) => o.key);
    expect(report.itemsExported + omitted.length).toBe(allItems.length);
    expect(omitted.sort()).toEqual(allItems.filter((i) => i.data.type === "matching" || i.data.type === "ordering").map((i) => i.key).sort());
    for (const i of allItems.filter((x) => x.data.type === "numeric" && x.data.answers.some((a) => a.tolerance > 0)))
      expect(report.simplified.find((s) => s.key === i.key)?.what.join(" "), i.key).toMatch(/tolerance/);
    for (const i of allItems.filter((x) => x.caseKey && x.data.type !== "matching" && x.data.type !== "ordering"))
      expect(report.simplified.find((s) => s.key === i.key)?.what.join(" "), i.key).toMatch(/case scenario/);
  });
});

describe("Common Cartridge web content", () => {
  it("renders every lesson to HTML whose figures and glossary links resolve inside the cartridge", () => {
    expect(report.lessons).toBe(b.modules.reduce((n, m) => n + m.lessons.length, 0));
    expect(report.figures).toBe(Object.keys(b.figures).length);
    for (const r of resources.filter((x) => attr(x, "type") === "webcontent" && attr(x, "href")?.endsWith(".html"))) {
      const href = attr(r, "href")!;
      const html = files[href] as string;
      expect(html, href).toMatch(/^<!DOCTYPE html>/);
      expect(html, href).not.toMatch(/<script/i);
      const dir = href.split("/").slice(0, -1);
      for (const m of html.matchAll(/(?:src|href)="([^"#]+)[^"]*"/g)) {
        if (/^https?:|^mailto:/.test(m[1])) continue;
        const parts = [...dir];
        for (const seg of m[1].split("/")) seg === ".." ? parts.pop() : parts.push(seg);
        expect(files[parts.join("/")], `${href} → ${m[1]}`).toBeDefined();
      }
    }
    const withFigure = b.modules.flatMap((m) => m.lessons.map((l) => ({ m, l }))).find(({ l }) => l.body.includes("](figures/"))!;
    expect(files[`modules/${withFigure.m.dir}/${withFigure.l.file.replace(/\.md$/, ".html")}`]).toMatch(/<img src="\.\.\/\.\.\/figures\//);
  });
});
