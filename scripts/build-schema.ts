/** Writes schema/analysis.schema.json from the zod definitions (run: npm run schema). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analysisJsonSchema } from '../src/core/analysis-schema.js';

const target = fileURLToPath(new URL('../schema/analysis.schema.json', import.meta.url));
writeFileSync(target, JSON.stringify(analysisJsonSchema(), null, 2) + '\n');
process.stdout.write(`wrote ${target}\n`);
