// A reference interpreter for the subset of QTI 3.0 response processing that qti-export.ts writes,
// used by the tests to check that an exported item scores every response as lib/items/grade.ts does.
// Deliberately small and literal (spec semantics for each operator); it is not used by the app.
import { attr, find, kid, kids, local, parseXml, textOf, type XNode } from "./xml";
import { DATA } from "./qti-shared";

export type QValue = null | string | number | string[];

interface Decl {
  cardinality: string;
  baseType: string;
  correct: string[];
  mapping?: { entries: { key: string; value: number; caseSensitive: boolean }[]; lower?: number; upper?: number; dflt: number };
}

const typed = (baseType: string, s: string): string | number => (baseType === "float" || baseType === "integer" ? Number(s) : s);

export class QtiItemRunner {
  readonly root: XNode;
  private decls = new Map<string, Decl>();

  constructor(xml: string) {
    this.root = parseXml(xml, "item");
    for (const d of [...kids(this.root, "qti-response-declaration"), ...kids(this.root, "qti-outcome-declaration")]) {
      const m = kid(d, "qti-mapping");
      this.decls.set(attr(d, "identifier")!, {
        cardinality: attr(d, "cardinality")!,
        baseType: attr(d, "base-type")!,
        correct: kids(kid(d, "qti-correct-response") ?? { name: "x", attrs: {}, children: [] }, "qti-value").map((v) => textOf(v)),
        mapping: m && {
          entries: kids(m, "qti-map-entry").map((e) => ({ key: attr(e, "map-key")!, value: Number(attr(e, "mapped-value")), caseSensitive: attr(e, "case-sensitive") !== "false" })),
          lower: attr(m, "lower-bound") !== undefined ? Number(attr(m, "lower-bound")) : undefined,
          upper: attr(m, "upper-bound") !== undefined ? Number(attr(m, "upper-bound")) : undefined,
          dflt: Number(attr(m, "default-value") ?? "0"),
        },
      });
    }
  }

  /** Feedback texts by identifier (the authored source when present). */
  feedbackTexts(): Map<string, string> {
    return new Map(
      kids(this.root, "qti-modal-feedback").map((f) => {
        const holder = find(f, "div")[0];
        return [attr(f, "identifier")!, attr(holder, DATA.source) ?? textOf(holder)];
      }),
    );
  }

  run(response: QValue): { score: number; feedback: string[] } {
    const vars = new Map<string, QValue>();
    for (const d of kids(this.root, "qti-outcome-declaration")) {
      const def = kid(d, "qti-default-value");
      vars.set(attr(d, "identifier")!, def ? typed(attr(d, "base-type")!, textOf(kid(def, "qti-value"))) : null);
    }
    vars.set("RESPONSE", response);
    const rp = kid(this.root, "qti-response-processing");
    if (rp) this.rules(kids(rp), vars);
    const fb = vars.get("FEEDBACK");
    return { score: Number(vars.get("SCORE")), feedback: Array.isArray(fb) ? fb : fb === null || fb === undefined ? [] : [String(fb)] };
  }

  private rules(rules: XNode[], vars: Map<string, QValue>): void {
    for (const r of rules) {
      const name = local(r);
      if (name === "qti-set-outcome-value") {
        const value = this.expr(kids(r)[0], vars);
        if (typeof value === "boolean") throw new Error("a boolean outcome is not supported by the test interpreter");
        vars.set(attr(r, "identifier")!, value);
      }
      else if (name === "qti-response-condition") {
        for (const branch of kids(r)) {
          const b = local(branch);
          if (b === "qti-response-else") {
            this.rules(kids(branch), vars);
            break;
          }
          const [test, ...body] = kids(branch);
          if (this.expr(test, vars) === true) {
            this.rules(body, vars);
            break;
          }
        }
      } else throw new Error(`rule ${name} not supported by the test interpreter`);
    }
  }

  private expr(e: XNode, vars: Map<string, QValue>): QValue | boolean {
    const name = local(e);
    const args = () => kids(e).map((k) => this.expr(k, vars));
    switch (name) {
      case "qti-variable":
        return vars.get(attr(e, "identifier")!) ?? null;
      case "qti-base-value":
        return typed(attr(e, "base-type")!, textOf(e));
      case "qti-correct": {
        const d = this.decls.get(attr(e, "identifier")!)!;
        const vals = d.correct.map((v) => typed(d.baseType, v));
        return d.cardinality === "single" ? vals[0] : (vals as string[]);
      }
      case "qti-map-response": {
        const d = this.decls.get(attr(e, "identifier")!)!;
        const m = d.mapping!;
        const r = vars.get(attr(e, "identifier")!) ?? null;
        if (r === null) return m.dflt;
        const look = (v: string) => {
          const hit = m.entries.find((x) => (x.caseSensitive ? x.key === v : x.key.toLowerCase() === v.toLowerCase()));
          return hit ? hit.value : m.dflt;
        };
        let s = Array.isArray(r) ? [...new Set(r)].reduce((acc, v) => acc + look(v), 0) : look(String(r));
        if (m.lower !== undefined) s = Math.max(m.lower, s);
        if (m.upper !== undefined) s = Math.min(m.upper, s);
        return s;
      }
      case "qti-match": {
        const [a, b] = args();
        if (a === null || b === null) return null;
        if (Array.isArray(a) && Array.isArray(b)) {
          const d = this.decls.get("RESPONSE")!;
          return d.cardinality === "ordered" ? a.join("\u0000") === b.join("\u0000") : [...a].sort().join("\u0000") === [...b].sort().join("\u0000");
        }
        return a === b;
      }
      case "qti-member": {
        const [x, c] = args();
        return x === null || !Array.isArray(c) ? null : c.includes(String(x));
      }
      case "qti-equal": {
        const [a, b] = args();
        if (a === null || b === null) return null;
        const t = attr(e, "tolerance-mode") === "absolute" ? Number((attr(e, "tolerance") ?? "0").split(/\s+/)[0]) : 0;
        return Math.abs(Number(a) - Number(b)) <= t;
      }
      case "qti-string-match": {
        const [a, b] = args();
        if (a === null || b === null) return null;
        return attr(e, "case-sensitive") === "false" ? String(a).toLowerCase() === String(b).toLowerCase() : a === b;
      }
      case "qti-index": {
        const [c] = args();
        return Array.isArray(c) ? (c[Number(attr(e, "n")) - 1] ?? null) : null;
      }
      case "qti-lt": {
        const [a, b] = args();
        return a === null || b === null ? null : Number(a) < Number(b);
      }
      case "qti-sum": {
        const xs = args();
        return xs.some((x) => x === null) ? null : xs.reduce((s: number, x) => s + Number(x), 0);
      }
      case "qti-multiple":
        return args().flatMap((x) => (x === null || x === undefined ? [] : Array.isArray(x) ? x : [String(x)]));
      default:
        throw new Error(`operator ${name} not supported by the test interpreter`);
    }
  }
}
