// `npm run mutation [-- <stryker run flags>]`: runs StrykerJS with stryker.config.mjs.
//
// Why a wrapper and not `stryker run`: Stryker 10 declares Node.js >= 22 and its CLI refuses to
// start on anything older, while this project (and its machines) run Node.js 20, which the native
// better-sqlite3 build under the integration tests is compiled for. Stryker's code runs on 20 (the
// check is a version guard in the CLI module only), so on Node < 22 we let the guard see v22 while
// the CLI module loads, then put the real version back before anything else runs.
const major = Number(process.versions.node.split(".")[0]);
const realVersion = process.version;
if (major < 22) {
  console.warn(`mutation: Node.js ${realVersion}; Stryker 10 asks for >= 22, running it anyway (see scripts/mutation.mjs).`);
  Object.defineProperty(process, "version", { value: "v22.0.0", configurable: true, writable: true });
}
const { StrykerCli } = await import("@stryker-mutator/core");
Object.defineProperty(process, "version", { value: realVersion, configurable: true, writable: true });

process.title = "stryker";
new StrykerCli([process.argv[0], "stryker", "run", ...process.argv.slice(2)]).run();
