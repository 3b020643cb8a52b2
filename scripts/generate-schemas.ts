// `npm run schemas`: rewrites schemas/ from the zod schemas in src/schema/. A test fails when the committed
// files differ from what this would write, so run it after changing a schema or the rule list and commit the result.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { lintRules } from '../src/lint/rules/index.js';
import { publishedSchemas, renderJsonSchema } from '../src/schema/json-schemas.js';

const folder = new URL('../schemas/', import.meta.url);
mkdirSync(folder, { recursive: true });
for (const stale of readdirSync(folder)) if (!(stale in publishedSchemas)) rmSync(new URL(stale, folder));
for (const file of Object.keys(publishedSchemas)) writeFileSync(new URL(file, folder), renderJsonSchema(file, lintRules));
console.log(`wrote ${Object.keys(publishedSchemas).length} schemas to schemas/`);
