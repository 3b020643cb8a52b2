import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { repoRoot } from './helpers.js';

/**
 * Validates a SARIF log against the official SARIF 2.1.0 schema (vendored in test/vendor, see its README).
 * The schema declares draft-04 but uses nothing that differs from draft-07 except the name of its `id`
 * keyword, so it is read as draft-07 with `id` renamed to `$id`. Formats are checked loosely by shape.
 */
export function validateSarif(log: unknown) {
  const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(join(repoRoot, 'test', 'vendor', 'sarif-2.1.0', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  // Its "language" pattern has a stray "]" that only non-Unicode regular expressions accept.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
  ajv.addFormat('uri-reference', /^\S*$/);
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  const check = ajv.compile({ $id: id, ...schema });
  check(log);
  return check.errors ?? [];
}
