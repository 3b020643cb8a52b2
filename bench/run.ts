// `npm run bench`: the performance goals of the tool, measured as ratios against baselines run side by
// side in the same session (absolute times drift with the machine; ratios of paired runs hold).
//   P1  ladder show vp-engineering (bundled ladder)  vs  node -e 0          goal ≤ 1.5×
//   P2  ladder lint --format json, 1,000 roles        vs  markdownlint-cli2   goal ≤ 0.4×
//   P3  ladder lint, 10,000 roles                     vs  1,000 roles         goal ≤ 11×
//   P4  peak RSS of ladder lint on 10,000 roles                               goal ≤ 300 MiB
//   P5  ladder export --format json, a 5,000-role chain  vs  ladder list        peak RSS goal ≤ 2×
// Each figure is the median over several alternating runs. `--runs N` changes the count.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateChain, generateLadder } from './generate-ladder.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 7;
const work = mkdtempSync(join(tmpdir(), 'ladder-bench-'));
const cacheDir = join(work, 'cache');
const ladder = [process.execPath, join(root, 'bin', 'ladder.js')];
const markdownlint = [process.execPath, join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs')];
const RSS_PROBE = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxrss-kib="+process.resourceUsage().maxRSS+"\\n"))';

interface Run {
  seconds: number;
  maxRssMiB: number;
}

function run(command: string[], env: Record<string, string> = {}): Run {
  const [program, ...args] = command;
  const withProbe = program === process.execPath ? ['--import', RSS_PROBE, ...args] : args;
  const start = process.hrtime.bigint();
  const result = spawnSync(program!, withProbe, { cwd: work, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = /maxrss-kib=(\d+)/.exec(result.stderr.toString());
  return { seconds, maxRssMiB: rss ? Number(rss[1]) / 1024 : NaN };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Runs A and B in turn (A B A B …) after one warm-up each, and returns medians and the median of pair ratios. */
function pair(a: () => Run, b: () => Run, runs = RUNS) {
  a();
  b();
  const as: Run[] = [];
  const bs: Run[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(a());
    bs.push(b());
  }
  return {
    a: median(as.map((r) => r.seconds)),
    b: median(bs.map((r) => r.seconds)),
    ratio: median(as.map((r, i) => r.seconds / bs[i]!.seconds)),
    aRss: median(as.map((r) => r.maxRssMiB)),
    bRss: median(bs.map((r) => r.maxRssMiB)),
  };
}

function report(id: string, what: string, ratio: number, goal: number, detail: string, unit = '×') {
  const verdict = ratio <= goal ? 'met' : 'NOT met';
  console.log(`${id}  ${what.padEnd(46)} ${ratio.toFixed(2).padStart(7)}${unit}  goal ≤ ${goal}${unit}  ${verdict}   (${detail})`);
}

const small = join(work, 'ladder-1k');
const large = join(work, 'ladder-10k');
generateLadder(small, 1000);
generateLadder(large, 10_000);
console.log(`ladder benchmarks: ${RUNS} runs per figure, medians; node ${process.version}; synthetic ladders in ${work}\n`);

const bare = () => run([process.execPath, '-e', '0']);
const cached = { LADDER_CACHE_DIR: cacheDir };
const p1 = pair(() => run([...ladder, 'show', 'vp-engineering'], cached), bare);
report('P1', 'show vp-engineering / node -e 0', p1.ratio, 1.5, `${(p1.a * 1000).toFixed(0)} ms vs ${(p1.b * 1000).toFixed(0)} ms, parse cache warm`);
const p1cold = pair(() => run([...ladder, '--no-cache', 'show', 'vp-engineering']), bare);
report('P1′', 'show vp-engineering --no-cache / node -e 0', p1cold.ratio, 1.5, `${(p1cold.a * 1000).toFixed(0)} ms vs ${(p1cold.b * 1000).toFixed(0)} ms, every file parsed`);

const mdl = () => run([...markdownlint, 'ladder-1k/**/*.md']);
const lint = (folder: string, env: Record<string, string> = {}, flags: string[] = []) => () =>
  run([...ladder, ...flags, '--ladder', folder, 'lint', '--format', 'json'], env);
const p2 = pair(lint(small, cached), mdl, Math.max(3, Math.ceil(RUNS / 2)));
report('P2', 'lint 1,000 roles / markdownlint-cli2', p2.ratio, 0.4, `${p2.a.toFixed(2)} s vs ${p2.b.toFixed(2)} s, parse cache warm`);
const p2cold = pair(lint(small, {}, ['--no-cache']), mdl, Math.max(3, Math.ceil(RUNS / 2)));
report('P2′', 'lint 1,000 roles --no-cache / markdownlint-cli2', p2cold.ratio, 0.4, `${p2cold.a.toFixed(2)} s vs ${p2cold.b.toFixed(2)} s, every file parsed`);

const p3 = pair(lint(large, {}, ['--no-cache']), lint(small, {}, ['--no-cache']), 3);
report('P3', 'lint 10,000 roles / 1,000 roles (--no-cache)', p3.ratio, 11, `${p3.a.toFixed(2)} s vs ${p3.b.toFixed(2)} s`);
report('P4', 'peak RSS, lint 10,000 roles (--no-cache)', p3.aRss, 300, 'resident set of the whole process, workers included', ' MiB');

// Every role of a chain lists all it inherits: the export is quadratic in size (2.7 GB here) and must
// still stream, its memory near that of reading the ladder at all.
const chain = join(work, 'chain-5k');
generateChain(chain, 5000);
const exported = join(work, 'chain-5k.json');
const p5 = pair(() => run([...ladder, '--ladder', chain, 'export', '--format', 'json', '--out', exported], cached), () => run([...ladder, '--ladder', chain, 'list'], cached), 1);
rmSync(exported, { force: true });
report('P5', 'export json, 5,000-role chain / list (peak RSS)', p5.aRss / p5.bRss, 2, `${p5.aRss.toFixed(0)} MiB vs ${p5.bRss.toFixed(0)} MiB; ${p5.a.toFixed(1)} s vs ${p5.b.toFixed(1)} s`);

rmSync(work, { recursive: true, force: true });
