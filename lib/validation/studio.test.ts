import { describe, expect, it } from "vitest";
import { itemDataToForm, itemFormSchema, itemFromForm, slugify } from "./studio";

const base = { courseId: "c", moduleId: "m", key: "q1", stem: "Which?", explanation: "" };

describe("item editor form", () => {
  it("builds a single-choice item from = / ~ lines and round-trips to the form", () => {
    const f = itemFormSchema.parse({ ...base, type: "single", options: "=Right # well done\n~Wrong\n~Also wrong" });
    const { item, errors } = itemFromForm(f);
    expect(errors).toBeUndefined();
    expect(item!.data).toEqual({ type: "single", options: [
      { id: "a", text: "Right", weight: 1, feedback: "well done" },
      { id: "b", text: "Wrong", weight: 0 },
      { id: "c", text: "Also wrong", weight: 0 },
    ] });
    expect(itemDataToForm(item!.data).options).toBe("=Right # well done\n~Wrong\n~Also wrong");
  });

  it("splits multiple-choice credit between the correct options", () => {
    const f = itemFormSchema.parse({ ...base, type: "multiple", options: "=A\n=B\n~C" });
    const d = itemFromForm(f).item!.data as { options: { weight: number }[] };
    expect(d.options.map((o) => o.weight)).toEqual([0.5, 0.5, 0]);
  });

  it("returns field errors instead of throwing", () => {
    expect(itemFromForm(itemFormSchema.parse({ ...base, type: "single", options: "=A\n=B" })).errors).toHaveProperty("options");
    expect(itemFromForm(itemFormSchema.parse({ ...base, type: "numeric", value: "abc" })).errors).toHaveProperty("value");
    expect(itemFromForm(itemFormSchema.parse({ ...base, type: "matching", lines: "a -> b" })).errors).toHaveProperty("lines");
    expect(itemFromForm(itemFormSchema.parse({ ...base, type: "truefalse" })).errors).toHaveProperty("answer");
  });

  it("handles numeric, short, matching and ordering", () => {
    const num = itemFromForm(itemFormSchema.parse({ ...base, type: "numeric", value: "2.5", tolerance: "0.1", unit: "µm" })).item!;
    expect(num.data).toEqual({ type: "numeric", unit: "µm", answers: [{ value: 2.5, tolerance: 0.1, weight: 1 }] });
    const m = itemFromForm(itemFormSchema.parse({ ...base, type: "matching", lines: "VEGF -> angiogenesis\nTGF-β -> fibrosis" })).item!;
    expect(itemDataToForm(m.data).lines).toBe("VEGF -> angiogenesis\nTGF-β -> fibrosis");
    const o = itemFromForm(itemFormSchema.parse({ ...base, type: "ordering", lines: "first\nsecond" })).item!;
    expect(o.data).toMatchObject({ sequence: [{ text: "first" }, { text: "second" }] });
    expect(itemFromForm(itemFormSchema.parse({ ...base, type: "short", lines: "ligand\nagonist" })).item!.data).toMatchObject({ answers: [{ text: "ligand" }, { text: "agonist" }] });
  });

  it("slugifies titles", () => {
    expect(slugify("  Paracrine Signalling: Basics! ")).toBe("paracrine-signalling-basics");
  });
});
