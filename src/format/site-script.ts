import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LadderError } from '../errors.js';

/**
 * A browser script of the site, as scripts/build.js bundles it from src/format/assets/ (with the same diff
 * and folding code the command line runs). Found through the package's `#site-script/*` import, which
 * points into dist/ both when ladder runs from its bundle and from source.
 */
export function siteScript(name: 'compare' | 'search'): string {
  const specifier = `#site-script/${name}`;
  try {
    return readFileSync(createRequire(import.meta.url).resolve(specifier), 'utf8');
  } catch {
    throw new LadderError(`${specifier}: the site's ${name} script is not built; run \`npm run build\` in ladder's folder`);
  }
}
