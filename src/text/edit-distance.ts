/** Edit distance between two short strings (names, slugs), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidates closest to `wanted`, best first, within a distance that still reads as a typo. */
export function closest(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { name: string; distance: number }[] = [];
  for (const name of new Set(candidates)) {
    // A typo in one word of a longer name ("princpal" for principal-engineer) should still be found.
    const distance = Math.min(editDistance(wanted, name), ...name.split('-').map((word) => editDistance(wanted, word)));
    const contains = name.includes(wanted) || wanted.includes(name);
    if (contains || distance <= Math.max(2, Math.floor(Math.max(wanted.length, name.length) / 3))) {
      scored.push({ name, distance: contains ? Math.min(distance, 1) : distance });
    }
  }
  return scored
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}

/**
 * How far `wanted` is from `name` or from one of its words, if that reads as a typo of it: at most a third
 * of the longer of the two compared (at least 1), so "seniro" finds senior but "vp" never finds "em", and
 * a word of a long name is held to its own length, not the whole name's.
 */
export function typoDistance(wanted: string, name: string): number | undefined {
  const distances = [name, ...(name.includes('-') ? name.split('-') : [])].map((compared) => {
    const distance = editDistance(wanted, compared);
    return distance <= Math.max(1, Math.floor(Math.max(wanted.length, compared.length) / 3)) ? distance : Infinity;
  });
  const best = Math.min(...distances);
  return best === Infinity ? undefined : best;
}
