// Compiles src/ into dist/ ahead of time so the shipped bin runs plain JavaScript (no tsx at run time).
// Dependencies are bundled and minified: resolving and reading hundreds of small files in node_modules
// was most of the startup time. Each command and heavy dependency stays behind a dynamic import(), and
// splitting keeps those as separate chunks, so `ladder --version` never loads the Markdown parser.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const outdir = fileURLToPath(new URL('../dist', import.meta.url));

// commander requires node:child_process when it loads, only to spawn executable subcommands, which ladder
// never has; loading it pulls in net, dgram and the stream stack on every run. Defer it to a first spawn.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/') ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};
const result = await build({
  // The parse worker is its own entry point so worker threads can load it from dist/parse-worker.js.
  entryPoints: ['cli.ts', 'load/parse-worker.ts'].map((entry) => fileURLToPath(new URL(`../src/${entry}`, import.meta.url))),
  entryNames: '[name]',
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  write: false,
  logLevel: 'warning',
  plugins: [lazyChildProcess],
  // yaml is CommonJS under Node's export condition; bundled, a dynamic import() of it would lose its named
  // exports. It is only loaded for front matter and ladder.yaml, so Node resolves it at run time instead.
  external: ['yaml'],
  // Some bundled dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __ladderRequire } from 'node:module'; const require = __ladderRequire(import.meta.url);" },
});

// The exported site's own scripts (src/format/assets/): classic scripts, not modules, since browsers refuse
// module scripts from file://. Written beside the bundle as site-<name>.js, found through package.json's
// `#site-script/*` import.
const site = await build({
  entryPoints: { 'site-compare': 'compare-page.ts', 'site-search': 'search-box.ts' },
  outdir,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  write: false,
  logLevel: 'warning',
  absWorkingDir: fileURLToPath(new URL('../src/format/assets', import.meta.url)),
});

// Write only what changed, entry point last, and remove stale chunks afterwards, so a build never leaves
// dist/ missing or half-written for a `ladder` already running from it (tests run the bin in parallel).
mkdirSync(outdir, { recursive: true });
const entry = join(outdir, 'cli.js');
const files = [...result.outputFiles, ...site.outputFiles].sort((a, b) => (a.path === entry) - (b.path === entry));
for (const file of files) {
  let current;
  try {
    current = readFileSync(file.path);
  } catch {
    current = undefined;
  }
  if (current && Buffer.compare(current, file.contents) === 0) continue;
  const temp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temp, file.contents);
  renameSync(temp, file.path);
}
const wanted = new Set(files.map((file) => basename(file.path)));
for (const name of readdirSync(outdir)) if (!wanted.has(name) && !name.endsWith('.tmp')) rmSync(join(outdir, name), { force: true });
