import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintRules } from '../src/lint/rules/index.js';
import { publishedSchemas, renderJsonSchema } from '../src/schema/json-schemas.js';
import { repoRoot } from './helpers.js';
import { runMain } from './in-process.js';
import { validateAgainst as validate } from './validate.js';

const schemasFolder = join(repoRoot, 'schemas');
const committed = (file: string) => readFileSync(join(schemasFolder, file), 'utf8');

describe('schemas/', () => {
  it('matches what `npm run schemas` generates from the zod schemas (run it and commit after a change)', () => {
    expect(readdirSync(schemasFolder).sort()).toEqual(Object.keys(publishedSchemas).sort());
    for (const file of Object.keys(publishedSchemas)) expect(committed(file), file).toBe(renderJsonSchema(file, lintRules));
  });

  it('validates real show --json and list --json output', async () => {
    expect(validate('role.schema.json', JSON.parse((await runMain(['show', 'vp', '--json'])).stdout))).toEqual([]);
    expect(validate('role-list.schema.json', JSON.parse((await runMain(['list', '--json'])).stdout))).toEqual([]);
    expect(validate('role.schema.json', { id: 'x' }).length).toBeGreaterThan(0);
  });
});
