import type { Metadata } from "next";
import { GradientLab } from "@/components/lab/gradient-lab";

export const metadata: Metadata = {
  title: "Gradient lab",
  description: "Simulate how a secreted signal spreads, is removed and occupies receptors in tissue.",
};

// Public: no sign-in needed. The simulator runs in the browser (a Web Worker), so the page is static.
export default function LabPage() {
  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-3xl font-bold sm:text-4xl">Paracrine gradient lab</h1>
        <p className="text-slate-700 dark:text-slate-300">
          A ligand secreted by source cells diffuses through tissue, is removed, may bind the extracellular matrix, and occupies receptors on the cells it
          reaches. Pick a preset, change a parameter with a slider or by typing a value, and watch the gradient, the receptor occupancy and the tissue sheet
          respond. Units: micrometres (µm), seconds (s), nanomolar (nM).
        </p>
      </header>
      <GradientLab />
    </div>
  );
}
