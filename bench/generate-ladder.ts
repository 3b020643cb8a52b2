// Writes a synthetic ladder for benchmarks: job families of 8 levels, each level inheriting the one
// below, each role with 5 sections of 4 expectations. Deterministic (seeded), so runs compare like with like.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LEVELS = 8;
const SECTIONS = ['Delivery', 'Craft', 'Collaboration', 'Communication', 'Ownership'];
const PER_SECTION = 4;
const TRACKS = ['makers', 'managers', 'data', 'design'];
const VERBS = ['Builds', 'Designs', 'Reviews', 'Improves', 'Leads', 'Plans', 'Measures', 'Explains', 'Owns', 'Coaches', 'Simplifies', 'Documents'];
const OBJECTS = ['services', 'pipelines', 'interfaces', 'roadmaps', 'incidents', 'experiments', 'reviews', 'budgets', 'hiring loops', 'dashboards', 'migrations', 'runbooks', 'launches', 'standards'];
const SCOPES = ['for a task', 'for a feature', 'for a project', 'for the team', 'across teams', 'for the group', 'across the organization', 'for the company'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ra', 'ten', 'vo', 'sel', 'dur', 'pa', 'ni', 'gor', 'fe', 'lin', 'so', 'bra', 'tu'];
const QUALITIES = ['safely', 'clearly', 'with care', 'on schedule', 'with data', 'in the open', 'with partners', 'at scale', 'under pressure', 'with little guidance'];

/** A small seeded PRNG (mulberry32): the same seed gives the same ladder on every machine. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateLadder(folder: string, roles: number, seed = 1): string[] {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  // Made-up words give each bullet words of its own, as real bullets have, so that near-duplicate
  // detection meets the usual case (few alike) rather than a ladder of nothing but near-duplicates.
  const word = () => Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES)).join('');
  const files: string[] = [];
  for (let n = 0; n < roles; n++) {
    const family = Math.floor(n / LEVELS);
    const level = n % LEVELS;
    const track = TRACKS[family % TRACKS.length]!;
    const title = `Family ${family} Level ${level + 1}`;
    const lines = [title, '-'.repeat(title.length)];
    if (level > 0) lines.push(`(Inherits the role expectations of a Family ${family} Level ${level})`);
    lines.push('', '### Role description', `A ${title} works ${SCOPES[level] ?? 'for the company'} and typically has at least ${level * 2} years of experience.`, '');
    for (const section of SECTIONS) {
      lines.push(`### ${section}`);
      for (let i = 0; i < PER_SECTION; i++) {
        lines.push(`* ${pick(VERBS)} ${word()} ${pick(OBJECTS)} and ${word()} ${word()} ${SCOPES[level] ?? 'for the company'} ${pick(QUALITIES)}.`);
      }
      lines.push('');
    }
    const file = join(track, `family-${family}-level-${level + 1}.md`);
    mkdirSync(join(folder, track), { recursive: true });
    writeFileSync(join(folder, file), lines.join('\n'));
    files.push(file);
  }
  return files;
}

/**
 * One chain `length` roles deep, each inheriting the one before and adding one expectation: the shape that
 * makes resolution quadratic if each role copies what it inherits (the last role holds `length` bullets).
 */
export function generateChain(folder: string, length: number): string[] {
  mkdirSync(join(folder, 'chain'), { recursive: true });
  const files: string[] = [];
  for (let n = 1; n <= length; n++) {
    const title = `Step ${n}`;
    const lines = [title, '-'.repeat(title.length)];
    if (n > 1) lines.push(`(Inherits the role expectations of a Step ${n - 1})`);
    lines.push('', '### Role description', `Step ${n} of a long chain.`, '', '### Delivery', `* Delivers milestone ${n} on time.`, '');
    const file = join('chain', `step-${n}.md`);
    writeFileSync(join(folder, file), lines.join('\n'));
    files.push(file);
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folder, count, shape] = process.argv.slice(2);
  if (!folder || !count || (shape !== undefined && shape !== '--chain')) {
    console.error('usage: tsx bench/generate-ladder.ts <folder> <roles> [--chain]');
    process.exit(2);
  }
  const files = shape === '--chain' ? generateChain(folder, Number(count)) : generateLadder(folder, Number(count));
  console.log(`wrote ${files.length} roles to ${folder}`);
}
