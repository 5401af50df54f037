import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { svgProblem } from "./svg-safety";

const ok = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img"><title>t</title><use href="#a"/><rect fill="url(#g)"/></svg>`;

describe("svgProblem", () => {
  it("accepts every figure of the demo course", () => {
    const dir = path.resolve("content/paracrine/figures");
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".svg"))) expect(svgProblem(readFileSync(path.join(dir, f), "utf8")), f).toBeNull();
    expect(svgProblem(ok)).toBeNull();
  });
  it("refuses script, handlers, external loads, entity tricks and non-SVG documents", () => {
    const bad: Record<string, string> = {
      script: `<svg><script>alert(1)</script></svg>`,
      handler: `<svg><rect onload="alert(1)"/></svg>`,
      handlerUpper: `<svg><rect ONCLICK = "x"/></svg>`,
      foreign: `<svg><foreignObject><div>x</div></foreignObject></svg>`,
      jsHref: `<svg><a href="javascript:alert(1)"><text>x</text></a></svg>`,
      entityHref: `<svg><a xlink:href="&#106;avascript:alert(1)">x</a></svg>`,
      external: `<svg><image href="https://evil.example/x.png"/></svg>`,
      cssUrl: `<svg><rect style="fill:url(https://evil.example/x)"/></svg>`,
      doctype: `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>`,
      html: `<html><body><script>alert(1)</script></body></html>`,
      iframe: `<svg><iframe src="x"/></svg>`,
    };
    for (const [name, text] of Object.entries(bad)) expect(svgProblem(text), name).not.toBeNull();
  });
});
