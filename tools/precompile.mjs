// Compile the vendored Python to bytecode with Pyodide's own Python (3.14, the exact
// interpreter the browser runs), because CPython on the build machine is another version
// and its bytecode would be refused.
//
// Usage: node tools/precompile.mjs STOCK_DIR OUT_DIR [APP_DIR]
// STOCK_DIR holds the verified stock Pyodide files and wheels; OUT_DIR receives the
// compiled stdlib zip, the compiled wheels and a lock whose sha256 values match them.
// With APP_DIR (the app's py/ folder), OUT_DIR receives the app's modules compiled into
// one archive, app.zip, instead (tools/build_dist.py).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [stock, out, app] = process.argv.slice(2).map((p) => path.resolve(p));
if (!stock || !out) {
  console.error("usage: node tools/precompile.mjs STOCK_DIR OUT_DIR");
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const { loadPyodide } = await import(path.join(stock, "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: stock + "/", env: { PYTHONNODEBUGRANGES: "1", HOME: "/home/pyodide" }, stdout: console.log, stderr: console.error });
pyodide.mountNodeFS("/stock", stock);
pyodide.mountNodeFS("/out", out);
const script = readFileSync(path.join(here, "precompile_inside.py"), "utf8");
pyodide.globals.set("__name__", "__precompile__");
if (app) {
  pyodide.mountNodeFS("/app", app);
  await pyodide.runPythonAsync(script + "\nmain_app('/app', '/out')\n");
} else {
  await pyodide.runPythonAsync(script + "\nmain('/stock', '/out')\n");
}
