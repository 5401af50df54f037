/**
 * Units used throughout lib/sim. Every length is in micrometres (µm), every
 * time in seconds (s), every concentration in nanomolar (nM).
 */
export const UNITS = {
  distance: "µm",
  time: "s",
  concentration: "nM",
  diffusion: "µm²/s",
  rate: "1/s",
  secretionFlux: "nM·µm/s",
  secretionRate3D: "nM·µm³/s",
  secretionRate2D: "nM·µm²/s",
  kon: "1/(nM·s)",
  occupancy: "dimensionless (0–1)",
  ratio: "dimensionless",
  amount1D: "nM·µm (per µm² of source plane)",
  amount2D: "nM·µm² (per µm of sheet thickness)",
  amount3D: "nM·µm³",
} as const;

export type UnitTable = typeof UNITS;

/** Avogadro's number (exact, SI 2019). */
export const AVOGADRO = 6.02214076e23;

/** Molecules contained in 1 nM·µm³ (1e-9 mol/L × 1e-15 L × N_A ≈ 0.602). */
export const MOLECULES_PER_NM_UM3 = 1e-24 * AVOGADRO;

/** Converts an amount (or rate) in molecules (per s) into nM·µm³ (per s). */
export function moleculesToNmUm3(molecules: number): number {
  return molecules / MOLECULES_PER_NM_UM3;
}

/** Converts an amount (or rate) in nM·µm³ (per s) into molecules (per s). */
export function nmUm3ToMolecules(amount: number): number {
  return amount * MOLECULES_PER_NM_UM3;
}
