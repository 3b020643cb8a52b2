// `npm run bench`: the performance goals of issue #25, every figure measured in this one run.
// The machine is shared, so wall time drifts with everyone else's work: each figure is the CPU time
// (user + system, workers included) of the process, as a ratio against a baseline run side by side,
// with wall time beside it. Peak memory is the kernel's maximum resident set of the process.
// Every command, measured and baseline alike, runs under the same small wrapper (bench/rusage.py, which
// reads the kernel's count with wait4) and nothing else: no probe is loaded into either.
//   P1   warm `show vp-engineering` / `node -e 0`                          goal ≤ 1.35×
//   P1′  `show --no-cache` / `node -e 0`                                   goal ≤ 2.0×
//   P2   cold `lint` (--no-cache) on 1,000 roles / markdownlint-cli2          goal ≤ 0.40× (warm shown too)
//   P3   cold `lint` (--no-cache) 10,000 roles / 1,000 roles               goal ≤ 10.5×
//   P4   peak memory of `lint` on 10,000 roles, cache on, first and warm   goal ≤ 256 MiB
//   P5   peak memory of `export --format json` on 10,000 roles             goal ≤ 300 MiB
//   P6   `list` on 100,000 role files / on 10,000                          goal ≤ 12×, ≤ 600 MiB
// Short figures are medians of alternating pairs (A B A B …, `--runs N`, default 7); the long ones run fewer.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateLadder } from './generate-ladder.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 7;
const rusage = ['python3', fileURLToPath(new URL('rusage.py', import.meta.url))];
if (spawnSync(rusage[0]!, ['--version']).status !== 0) {
  console.error('bench: python3 is needed to read the CPU time and peak memory of each run (bench/rusage.py); install it');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'ladder-bench-'));
const ladder = [process.execPath, join(root, 'bin', 'ladder.js')];
const markdownlint = [process.execPath, join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs')];

interface Run {
  /** user + system seconds of the process and its threads. */
  cpu: number;
  wall: number;
  peakMiB: number;
}

/** Runs a command under bench/rusage.py, its output discarded; the measurement is the last line it writes. */
function run(command: string[], env: Record<string, string> = {}): Run {
  const start = process.hrtime.bigint();
  const result = spawnSync(rusage[0]!, [rusage[1]!, ...command], {
    cwd: work,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 28,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const measured = /ladder-bench ([\d.]+) (\d+)\s*$/.exec(result.stderr.toString());
  if (!measured) throw new Error(`bench: no measurement from ${command.join(' ')}:\n${result.stderr.toString().slice(-500)}`);
  return { cpu: Number(measured[1]), wall, peakMiB: Number(measured[2]) / 1024 };
}

/**
 * The modules a command loads, counted in a run of its own (never a measured one) through a module hook
 * that sees every load: ladder's own files (dist/, bin/) with their size, and Node's built-in modules.
 */
function modulesLoaded(command: string[], env: Record<string, string>): { count: number; bytes: number; builtins: number } {
  const hooks = join(work, 'count-hooks.mjs');
  writeFileSync(
    hooks,
    `export async function load(url, context, next) { const r = await next(url, context); process.stderr.write('ladder-bench-module ' + url + ' ' + (r.source?.length ?? 0) + '\\n'); return r; }\n`,
  );
  const register = join(work, 'count-register.mjs');
  writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const [node, ...rest] = command;
  const result = spawnSync(node!, ['--import', pathToFileURL(register).href, ...rest], { cwd: work, env: { ...process.env, ...env }, encoding: 'utf8' });
  const lines = [...result.stderr.matchAll(/^ladder-bench-module (\S+) (\d+)$/gm)];
  const own = lines.filter(([, url]) => url!.startsWith('file:') && !url!.endsWith('count-register.mjs'));
  return { count: own.length, bytes: own.reduce((sum, [, , size]) => sum + Number(size), 0), builtins: lines.filter(([, url]) => url!.startsWith('node:')).length };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

interface Pair {
  a: Run;
  b: Run;
  /** Median of the per-pair CPU ratios a/b. */
  cpuRatio: number;
  wallRatio: number;
}

/**
 * A and B in turn (A B A B …), after one warm-up of each unless `warmUp` is false (a cold figure whose
 * first run is the one measured). Medians per measure, ratios taken within each pair.
 */
function pair(a: () => Run, b: () => Run, runs: number, warmUp = true): Pair {
  if (warmUp) {
    a();
    b();
  }
  const as: Run[] = [];
  const bs: Run[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(a());
    bs.push(b());
  }
  const med = (runs: Run[]): Run => ({ cpu: median(runs.map((r) => r.cpu)), wall: median(runs.map((r) => r.wall)), peakMiB: median(runs.map((r) => r.peakMiB)) });
  return {
    a: med(as),
    b: med(bs),
    cpuRatio: median(as.map((r, i) => r.cpu / bs[i]!.cpu)),
    wallRatio: median(as.map((r, i) => r.wall / bs[i]!.wall)),
  };
}

const seconds = (s: number) => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`);

function ratioLine(id: string, what: string, p: Pair, goal: number | undefined) {
  const verdict = goal === undefined ? '(no goal)' : `goal ≤ ${goal}×  ${p.cpuRatio <= goal ? 'met' : 'NOT met'}`;
  console.log(
    `${id.padEnd(7)} ${what.padEnd(50)} CPU ${p.cpuRatio.toFixed(2).padStart(6)}×  ${verdict.padEnd(22)}` +
      ` CPU ${seconds(p.a.cpu)} vs ${seconds(p.b.cpu)}; wall ${p.wallRatio.toFixed(2)}× (${seconds(p.a.wall)} vs ${seconds(p.b.wall)})`,
  );
}

function memoryLine(id: string, what: string, peakMiB: number, goal: number, detail: string) {
  console.log(`${id.padEnd(7)} ${what.padEnd(50)} peak ${peakMiB.toFixed(0).padStart(5)} MiB  goal ≤ ${goal} MiB  ${peakMiB <= goal ? 'met' : 'NOT met'}   (${detail})`);
}

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
console.log(`ladder benchmarks: node ${process.version}, ${cpus().length} cores, ${RUNS} pairs for short figures, medians; load average at start ${load()}`);
console.log(`synthetic ladders in ${work}\n`);
const small = join(work, 'ladder-1k');
const large = join(work, 'ladder-10k');
generateLadder(small, 1000);
generateLadder(large, 10_000);
/** A cache folder of its own for each cold run, so "cold" never finds another run's parses. */
let caches = 0;
const freshCache = () => ({ LADDER_CACHE_DIR: join(work, `cache-${caches++}`) });
const warmCache = { LADDER_CACHE_DIR: join(work, 'cache-warm') };
const noEnv = () => ({});

const bare = () => run([process.execPath, '-e', '0']);
const p1 = pair(() => run([...ladder, 'show', 'vp-engineering'], warmCache), bare, RUNS);
ratioLine('P1', 'warm show vp-engineering / node -e 0', p1, 1.35);
const version = pair(() => run([...ladder, '--version']), bare, RUNS);
ratioLine('P1 ref', '--version alone / node -e 0', version, undefined);
const loaded = modulesLoaded([...ladder, 'show', 'vp-engineering'], warmCache);
console.log(`${'P1 mods'.padEnd(7)} ${'modules a warm show loads'.padEnd(50)} ${loaded.count} of ladder's own (${(loaded.bytes / 1024).toFixed(0)} KiB of JavaScript to compile), ${loaded.builtins} of Node's imported`);
const p1cold = pair(() => run([...ladder, '--no-cache', 'show', 'vp-engineering']), bare, RUNS);
ratioLine('P1′', 'show --no-cache / node -e 0', p1cold, 2.0);

const lint = (folder: string, env: () => Record<string, string>, flags: string[] = []) => () => run([...ladder, ...flags, '--ladder', folder, 'lint', '--format', 'json'], env());
const mdl = () => run([...markdownlint, 'ladder-1k/**/*.md']);
const short = Math.max(3, Math.ceil(RUNS / 2));
const p2 = pair(lint(small, noEnv, ['--no-cache']), mdl, short);
ratioLine('P2', 'cold lint 1,000 roles / markdownlint-cli2', p2, 0.4);
const p2warm = pair(lint(small, () => warmCache), mdl, short);
ratioLine('P2 warm', 'warm lint 1,000 roles / markdownlint-cli2', p2warm, undefined);

const p3 = pair(lint(large, noEnv, ['--no-cache']), lint(small, noEnv, ['--no-cache']), 3, false);
ratioLine('P3', 'cold lint 10,000 roles / 1,000 roles', p3, 10.5);

// P4: default settings. The first run parses everything and writes the cache; the warm run reads it.
const largeCache = { LADDER_CACHE_DIR: join(work, 'cache-10k') };
const first = run([...ladder, '--ladder', large, 'lint', '--format', 'json'], largeCache);
const warm = run([...ladder, '--ladder', large, 'lint', '--format', 'json'], largeCache);
const uncached = p3.a.peakMiB;
memoryLine('P4', 'lint 10,000 roles, first run (writes the cache)', first.peakMiB, 256, `CPU ${seconds(first.cpu)}, wall ${seconds(first.wall)}`);
memoryLine('P4 warm', 'lint 10,000 roles, warm cache', warm.peakMiB, 256, `CPU ${seconds(warm.cpu)}, wall ${seconds(warm.wall)}; --no-cache peaks at ${uncached.toFixed(0)} MiB`);

const exported = join(work, 'export-10k.json');
const p5 = run([...ladder, '--ladder', large, 'export', '--format', 'json', '--out', exported], largeCache);
rmSync(exported, { force: true });
memoryLine('P5', 'export --format json, 10,000 roles', p5.peakMiB, 300, `cache warm; CPU ${seconds(p5.cpu)}, wall ${seconds(p5.wall)}`);

// P6: a first `list` of each ladder (nothing cached), 100,000 files against 10,000.
const huge = join(work, 'ladder-100k');
generateLadder(huge, 100_000);
rmSync(small, { recursive: true, force: true });
const list = (folder: string) => () => run([...ladder, '--ladder', folder, 'list'], freshCache());
const p6 = pair(list(huge), list(large), 1, false);
ratioLine('P6', 'cold list 100,000 roles / 10,000 roles', p6, 12);
memoryLine('P6 mem', 'list 100,000 roles', p6.a.peakMiB, 600, `10,000 roles: ${p6.b.peakMiB.toFixed(0)} MiB`);

console.log(`\nload average at end ${load()}`);
rmSync(work, { recursive: true, force: true });
