// Compiles src/ into dist/ ahead of time so the shipped bin runs plain JavaScript (no tsx at run time).
// Each command and heavy dependency stays behind a dynamic import(), and splitting keeps those as
// separate chunks, so `ladder --version` never loads the Markdown parser.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: [new URL('../src/cli.ts', import.meta.url).pathname],
  outdir: new URL('../dist', import.meta.url).pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
