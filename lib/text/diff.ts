// A line diff for the revision history: longest common subsequence over lines, O(n·m) time and
// memory. Lessons are a few hundred lines, so the table stays small; the common prefix and suffix are
// trimmed first, which makes the usual small edit nearly linear. Pure: no imports.
export type DiffOp = { kind: "same" | "add" | "remove"; text: string; oldLine?: number; newLine?: number };

/** Above this many cells the diff gives up on alignment and shows a plain replace (memory bound). */
export const MAX_CELLS = 4_000_000;

export function diffLines(before: string, after: string): DiffOp[] {
  const a = before === "" ? [] : before.replace(/\r\n/g, "\n").split("\n");
  const b = after === "" ? [] : after.replace(/\r\n/g, "\n").split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) (endA--, endB--);

  const ops: DiffOp[] = [];
  for (let i = 0; i < start; i++) ops.push({ kind: "same", text: a[i], oldLine: i + 1, newLine: i + 1 });
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS) {
    midA.forEach((t, i) => ops.push({ kind: "remove", text: t, oldLine: start + i + 1 }));
    midB.forEach((t, j) => ops.push({ kind: "add", text: t, newLine: start + j + 1 }));
  } else {
    // lcs[i][j] = LCS length of midA[i..] and midB[j..], in one flat typed array.
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * w + j] = midA[i] === midB[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        ops.push({ kind: "same", text: midA[i], oldLine: start + i + 1, newLine: start + j + 1 });
        i++, j++;
      } else if (i < n && (j >= m || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
        // Removals before additions on ties, as readers of unified diffs expect.
        ops.push({ kind: "remove", text: midA[i], oldLine: start + i + 1 });
        i++;
      } else {
        ops.push({ kind: "add", text: midB[j], newLine: start + j + 1 });
        j++;
      }
    }
  }
  for (let k = 0; k < a.length - endA; k++) ops.push({ kind: "same", text: a[endA + k], oldLine: endA + k + 1, newLine: endB + k + 1 });
  return ops;
}

export function diffStats(ops: DiffOp[]): { added: number; removed: number } {
  return { added: ops.filter((o) => o.kind === "add").length, removed: ops.filter((o) => o.kind === "remove").length };
}
