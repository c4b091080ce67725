// Usage: node scripts/mermaid-parse.mjs MERMAID_DIR FILE...
// Parses each file (one Mermaid diagram) with the real Mermaid package
// installed under MERMAID_DIR (see scripts/check-mermaid-parse). Prints
// "FILE: error" for each that does not parse; exits 1 if any did not.
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';

const [dir, ...files] = process.argv.slice(2);
const { default: mermaid } = await import(pathToFileURL(`${dir}/node_modules/mermaid/dist/mermaid.core.mjs`).href);
mermaid.initialize({ startOnLoad: false });
let bad = 0;
for (const file of files) {
  try {
    const result = await mermaid.parse(readFileSync(file, 'utf8'));
    if (!result || result.diagramType !== 'sequence') throw new Error(`not a sequence diagram: ${JSON.stringify(result)}`);
  } catch (e) {
    console.log(`${file}: ${String((e && e.message) || e).split('\n').slice(0, 3).join(' | ')}`);
    bad = 1;
  }
}
process.exit(bad);
