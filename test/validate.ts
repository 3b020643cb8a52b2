import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { repoRoot } from './helpers.js';

/** Validates data (real command output) against a committed schema in schemas/; returns ajv's errors. */
export function validateAgainst(file: string, data: unknown) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const check = ajv.compile(JSON.parse(readFileSync(join(repoRoot, 'schemas', file), 'utf8')));
  check(data);
  return check.errors ?? [];
}
