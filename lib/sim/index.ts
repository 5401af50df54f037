/**
 * Paracrine gradient lab — numerical core. Pure TypeScript, no dependencies.
 * Units throughout: µm, s, nM (see ./units and docs/simulator.md).
 */
export * from "./analytic";
export * from "./errors";
export * from "./gradient";
export * from "./grid";
export * from "./params";
export * from "./presets";
export * from "./reaction";
export * from "./schedule";
export * from "./solver1d";
export * from "./solver2d";
export * from "./special";
export * from "./tridiag";
export * from "./units";
