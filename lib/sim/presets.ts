import type { GradientInput } from "./gradient";
import { PARAMETER_RANGES } from "./params";

/**
 * Presets for the gradient lab. Every parameter value carries its source:
 * either a literature reference (kind "literature") or an explicit
 * order-of-magnitude teaching estimate (kind "estimate"), in which case the
 * reasoning is given instead of a citation. Units: µm, s, nM.
 */
export interface PresetValueSource {
  /** Parameter name as in GradientInput (e.g. "D", "k", "Kd", "matrix.ratio"). */
  parameter: string;
  /** The value with its unit, as shown to learners. */
  value: string;
  kind: "literature" | "estimate";
  /** Full reference (literature) or the reasoning behind the estimate. */
  source: string;
}

export interface Preset {
  id: string;
  title: string;
  /** One paragraph for the lab page. */
  description: string;
  /** Ready to pass to simulateGradient(). */
  input: GradientInput;
  sources: PresetValueSource[];
  /** Parameters whose preset value lies outside the UI slider ranges (PARAMETER_RANGES). */
  outsideSliderRange: string[];
}

const KICHEVA_2007 =
  "Kicheva A, Pantazis P, Bollenbach T, Kalaidzidis Y, Bittig T, Jülicher F, González-Gaitán M. Kinetics of morphogen gradient formation. Science 315:521–525 (2007). FRAP of GFP-Dpp in the Drosophila wing disc: D = 0.10 ± 0.05 µm²/s, k = (2.52 ± 0.98)×10⁻⁴ s⁻¹, λ = 20.2 ± 5.7 µm.";
const YU_2009 =
  "Yu SR, Burkhardt M, Nowak M, Ries J, Petrášek Z, Scholpp S, Schwille P, Brand M. Fgf8 morphogen gradient forms by a source–sink mechanism with freely diffusing molecules. Nature 461:533–536 (2009). Fluorescence correlation spectroscopy in zebrafish embryos: D ≈ 53 µm²/s for free Fgf8.";
const SAKSELA_1988 =
  "Saksela O, Moscatelli D, Sommer A, Rifkin DB. Endothelial cell-derived heparan sulfate binds basic fibroblast growth factor and protects it from proteolytic degradation. J Cell Biol 107:743–751 (1988). Qualitative: heparan-sulfate-bound FGF2 is protected from plasmin.";
const PARK_1993 =
  "Park JE, Keller GA, Ferrara N. The vascular endothelial growth factor (VEGF) isoforms: differential deposition into the subepithelial extracellular matrix and bioactivity of extracellular matrix-bound VEGF. Mol Biol Cell 4:1317–1326 (1993). Qualitative: VEGF121 is freely diffusible; the longer, heparin-binding isoforms are held in the extracellular matrix and can be released by heparin or plasmin.";
const KANDEL =
  "Kandel ER et al. Principles of Neural Science (McGraw-Hill), chapter on synaptic transmission at the nerve–muscle synapse: synaptic cleft of the order of tens of nanometres; acetylcholinesterase in the cleft hydrolyses acetylcholine within well under a millisecond.";

const TNF_BASE: GradientInput = {
  geometry: "3d",
  radius: 7,
  D: 50,
  k: 1e-3,
  Kd: 0.1,
  hill: 1,
  secretion: 5,
  distances: [0, 10, 25, 50, 100],
  threshold: 0.5,
};

const TNF_SOURCES: PresetValueSource[] = [
  {
    parameter: "radius",
    value: "7 µm",
    kind: "estimate",
    source: "Teaching estimate for an activated macrophage (cell diameter of order 10–20 µm).",
  },
  {
    parameter: "D",
    value: "50 µm²/s",
    kind: "estimate",
    source:
      "Order-of-magnitude teaching estimate: the Stokes–Einstein relation gives roughly 100 µm²/s in water at 37 °C for a globular protein of ~50 kDa (the soluble TNF trimer); crowding and tortuosity in tissue lower it by a factor of about 2.",
  },
  {
    parameter: "k",
    value: "1×10⁻³ 1/s (half-life ≈ 12 min)",
    kind: "estimate",
    source: "Teaching estimate for removal by receptor-mediated uptake, proteolysis and drainage; not a measured value.",
  },
  {
    parameter: "Kd",
    value: "0.1 nM",
    kind: "estimate",
    source: "Teaching estimate: TNF receptors bind TNF with high (sub-nanomolar) affinity.",
  },
  {
    parameter: "secretion",
    value: "5 nM·µm/s at the cell surface (Q = 4πa²·s ≈ 3100 nM·µm³/s ≈ 1900 molecules/s)",
    kind: "estimate",
    source: "Teaching estimate chosen so that the free TNF next to the cell is several times Kd.",
  },
];

export const PRESETS: Preset[] = [
  {
    id: "dpp-wing-disc",
    title: "Morphogen gradient: Dpp in the Drosophila wing disc",
    description:
      "Decapentaplegic (Dpp, a BMP) is secreted by a stripe of cells in the middle of the wing imaginal disc and spreads into the surrounding tissue, where its concentration tells cells how far they are from the stripe. Kicheva et al. (2007) measured its effective diffusion coefficient and degradation rate in living discs by photobleaching GFP-Dpp: with D ≈ 0.1 µm²/s and k ≈ 2.5×10⁻⁴ /s the gradient decays over λ = √(D/k) ≈ 20 µm and takes hours (several times 1/k ≈ 67 min) to approach steady state. The flat source of the 1-D model stands for the stripe. The measured D and k are effective values that already include binding to receptors and matrix, so no separate matrix binding is switched on. Receptor affinity, Hill coefficient and secretion rate are teaching estimates.",
    input: {
      geometry: "1d",
      D: 0.1,
      k: 2.52e-4,
      Kd: 1,
      hill: 1,
      secretion: 0.05,
      distances: [0, 10, 20, 40, 60],
      threshold: 0.5,
    },
    sources: [
      { parameter: "D", value: "0.10 µm²/s", kind: "literature", source: KICHEVA_2007 },
      { parameter: "k", value: "2.52×10⁻⁴ 1/s", kind: "literature", source: KICHEVA_2007 },
      {
        parameter: "Kd",
        value: "1 nM",
        kind: "estimate",
        source: "Teaching estimate of the order of magnitude of high-affinity BMP receptor binding; not from Kicheva et al.",
      },
      { parameter: "hill", value: "1", kind: "estimate", source: "Teaching estimate: simple non-cooperative binding." },
      {
        parameter: "secretion",
        value: "0.05 nM·µm/s",
        kind: "estimate",
        source: "Teaching estimate chosen so that the concentration at the source is about 10 × Kd (s/√(Dk) ≈ 10 nM).",
      },
    ],
    outsideSliderRange: [],
  },
  {
    id: "fgf-heparan-sulfate",
    title: "FGF with heparan sulfate",
    description:
      "Fibroblast growth factors bind heparan sulfate proteoglycans on cell surfaces and in the extracellular matrix. Heparan-sulfate-bound FGF is shielded from proteases (Saksela et al. 1988), so this preset uses the 'protected' matrix regime: binding slows the approach to steady state by a factor 1 + R but leaves the steady-state decay length unchanged. Switch the regime to 'removed', or add heparanase (Bmax factor < 1), to see the difference. Free Fgf8 diffuses fast in the zebrafish embryo (D ≈ 53 µm²/s measured by fluorescence correlation spectroscopy, Yu et al. 2009), and its gradient is shaped by uptake into receiving cells; the removal rate, the binding ratio R, the receptor affinity and the secretion rate here are teaching estimates.",
    input: {
      geometry: "1d",
      D: 53,
      k: 2e-3,
      Kd: 0.5,
      hill: 1,
      secretion: 0.5,
      matrix: { model: "fast", mode: "protected", ratio: 10 },
      distances: [0, 50, 100, 200, 300],
      threshold: 0.5,
    },
    sources: [
      { parameter: "D", value: "53 µm²/s", kind: "literature", source: YU_2009 },
      {
        parameter: "k",
        value: "2×10⁻³ 1/s",
        kind: "estimate",
        source: "Teaching estimate (not taken from Yu et al.), giving λ = √(D/k) ≈ 160 µm, a gradient spanning many cell diameters.",
      },
      {
        parameter: "matrix.mode",
        value: "protected",
        kind: "literature",
        source: SAKSELA_1988,
      },
      {
        parameter: "matrix.ratio",
        value: "R = 10",
        kind: "estimate",
        source: "Teaching estimate: most FGF held on heparan sulfate at equilibrium (bound/free = 10).",
      },
      { parameter: "Kd", value: "0.5 nM", kind: "estimate", source: "Teaching estimate of high-affinity FGF receptor binding (sub-nanomolar to nanomolar)." },
      { parameter: "secretion", value: "0.5 nM·µm/s", kind: "estimate", source: "Teaching estimate giving a source concentration of a few Kd." },
    ],
    outsideSliderRange: [],
  },
  {
    id: "vegf-tumour",
    title: "VEGF around a tumour",
    description:
      "Hypoxic tumour cells secrete vascular endothelial growth factor (VEGF), which attracts new blood vessels. Here a small avascular tumour nodule is a sphere of radius 100 µm secreting VEGF into the surrounding tissue; the 3-D profile falls faster than a single exponential because of the 1/r spreading factor. The heparin-binding isoforms of VEGF are retained in the extracellular matrix and can be released again by heparin or plasmin, whereas VEGF121 does not bind and diffuses freely (Park, Keller & Ferrara 1993); set the matrix ratio to 0 to mimic VEGF121. All numerical values (radius, D, k, R, Kd, secretion) are order-of-magnitude teaching estimates, not measurements.",
    input: {
      geometry: "3d",
      radius: 100,
      D: 50,
      k: 1e-3,
      Kd: 0.5,
      hill: 1,
      secretion: 1,
      matrix: { model: "fast", mode: "protected", ratio: 5 },
      distances: [0, 50, 100, 200, 400],
      threshold: 0.5,
    },
    sources: [
      { parameter: "matrix.mode", value: "protected (matrix-bound VEGF is a releasable reservoir)", kind: "literature", source: PARK_1993 },
      { parameter: "radius", value: "100 µm", kind: "estimate", source: "Teaching estimate for a small avascular tumour nodule." },
      {
        parameter: "D",
        value: "50 µm²/s",
        kind: "estimate",
        source: "Order-of-magnitude teaching estimate from the Stokes–Einstein relation for a ~40–45 kDa protein dimer, reduced for tissue tortuosity.",
      },
      { parameter: "k", value: "1×10⁻³ 1/s", kind: "estimate", source: "Teaching estimate (uptake by endothelial receptors, proteolysis)." },
      { parameter: "matrix.ratio", value: "R = 5", kind: "estimate", source: "Teaching estimate for a heparin-binding isoform." },
      { parameter: "Kd", value: "0.5 nM", kind: "estimate", source: "Teaching estimate: VEGF receptors bind VEGF with sub-nanomolar to nanomolar affinity." },
      { parameter: "secretion", value: "1 nM·µm/s at the tumour surface", kind: "estimate", source: "Teaching estimate giving about 1 nM at the tumour surface." },
    ],
    outsideSliderRange: [],
  },
  {
    id: "tnf",
    title: "TNF from an activated macrophage",
    description:
      "Tumour necrosis factor (TNF) is a pro-inflammatory cytokine secreted, among others, by activated macrophages. In this 3-D model a single macrophage secretes TNF into the surrounding tissue, where it is removed by uptake and proteolysis. With these teaching estimates the decay length √(D/k) is about 220 µm, but because the signal spreads in three dimensions from one small cell (the 1/r factor) half of the receptors are occupied only within about 34 µm of the cell. Compare with the 'TNF with an anti-TNF antibody' preset. All values are order-of-magnitude teaching estimates.",
    input: TNF_BASE,
    sources: TNF_SOURCES,
    outsideSliderRange: [],
  },
  {
    id: "tnf-anti-tnf",
    title: "TNF with an anti-TNF antibody",
    description:
      "Anti-TNF antibodies (such as infliximab and adalimumab, used in rheumatoid arthritis and inflammatory bowel disease) neutralise free TNF. In the model the antibody adds a first-order removal of free ligand, k_ab = k_on·[antibody]. With the teaching estimate k_ab ≈ 0.03 /s, thirty times faster than the baseline removal, the decay length shrinks by a factor √31 ≈ 5.6 (from about 220 to about 40 µm). Next to a single cell the 1/r spreading of a 3-D source already dominates, so the half-occupancy range shrinks less (from about 34 to about 19 µm), but 100 µm away the TNF concentration is about nine times lower. Other values as in the TNF preset; all are order-of-magnitude teaching estimates.",
    input: { ...TNF_BASE, interventions: { antibodyRate: 0.03 } },
    sources: [
      ...TNF_SOURCES,
      {
        parameter: "interventions.antibodyRate",
        value: "0.03 1/s",
        kind: "estimate",
        source:
          "Teaching estimate: k_ab = k_on·[Ab] with a typical antibody association rate constant k_on ≈ 10⁶ M⁻¹s⁻¹ and a tissue antibody concentration of ≈ 30 nM (≈ 5 µg/mL of a 150 kDa IgG): 10⁶ × 3×10⁻⁸ ≈ 0.03 s⁻¹.",
      },
    ],
    outsideSliderRange: [],
  },
  {
    id: "acetylcholine-synapse",
    title: "Acetylcholine in the synaptic cleft (for contrast)",
    description:
      "At the nerve–muscle synapse a vesicle releases acetylcholine (ACh) into a cleft only tens of nanometres wide. ACh crosses it in about a microsecond (w²/2D with w ≈ 20 nm, D ≈ 400 µm²/s), and acetylcholinesterase destroys it so fast that it is cleared in well under a millisecond (Kandel, Principles of Neural Science). The decay length √(D/k) ≈ 0.3 µm is far larger than the cleft but tiny compared with paracrine distances: synaptic signalling is private and brief, whereas paracrine signals spread over tens to hundreds of micrometres for minutes to hours. The preset releases one 0.1 ms pulse and reads the concentration at the postsynaptic membrane (x = 0.02 µm). Try an AChE inhibitor (inhibitor factor < 1) to see the signal persist and spread. Several values lie outside the slider ranges of the lab; the removal rate, pulse, receptor affinity and release amount are order-of-magnitude teaching estimates.",
    input: {
      geometry: "1d",
      D: 400,
      k: 5000,
      Kd: 30000,
      hill: 2,
      secretion: 5e8,
      schedule: { kind: "pulse", duration: 1e-4 },
      distances: [0, 0.02, 0.1, 0.3, 1],
      threshold: 0.5,
    },
    sources: [
      { parameter: "distances", value: "cleft width ≈ 0.02 µm (20 nm)", kind: "literature", source: KANDEL },
      {
        parameter: "D",
        value: "400 µm²/s",
        kind: "estimate",
        source: "Order of magnitude for a small molecule such as ACh diffusing in the cleft (free diffusion in water is of order 10³ µm²/s).",
      },
      {
        parameter: "k",
        value: "5000 1/s (time constant 0.2 ms)",
        kind: "estimate",
        source: "Teaching estimate consistent with clearance by acetylcholinesterase in well under a millisecond (" + KANDEL + ")",
      },
      { parameter: "schedule", value: "one 0.1 ms pulse", kind: "estimate", source: "Teaching estimate for the duration of quantal release." },
      {
        parameter: "Kd",
        value: "30 µM (30 000 nM)",
        kind: "estimate",
        source: "Teaching estimate: the muscle nicotinic receptor is activated by ACh in the tens-of-micromolar range.",
      },
      { parameter: "hill", value: "2", kind: "estimate", source: "The nicotinic receptor has two ACh binding sites; n = 2 is a teaching estimate of the cooperativity." },
      {
        parameter: "secretion",
        value: "5×10⁸ nM·µm/s during the pulse",
        kind: "estimate",
        source: "Teaching estimate chosen to give a peak cleft concentration of the order of 0.1–1 mM.",
      },
    ],
    outsideSliderRange: ["k", "Kd", "secretion"],
  },
];

export function getPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** Names of the GradientInput parameters of a preset that lie outside the slider ranges (computed, for checks). */
export function parametersOutsideRanges(input: GradientInput): string[] {
  const out: string[] = [];
  const check = (name: keyof typeof PARAMETER_RANGES, v: number | undefined) => {
    if (v === undefined) return;
    const r = PARAMETER_RANGES[name];
    if (v < r.min || v > r.max) out.push(name);
  };
  check("D", input.D);
  check("k", input.k);
  check("Kd", input.Kd);
  check("hill", input.hill);
  check("secretion", input.secretion);
  if (input.matrix && input.matrix.model === "fast") check("matrixRatio", input.matrix.ratio);
  return out;
}
