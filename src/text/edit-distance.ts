/**
 * Edit distance between two short strings (names, slugs), for "did you mean" hints: insertions, deletions,
 * substitutions and swaps of two neighbouring characters ("seniro"), the typos people make, count one each.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j]!, before[j - 2]! + 1);
    }
    before = previous;
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
 * How far `wanted` is from `name` or from one of its words, if that reads as a typo of it; words the two
 * share are left out first ("seniro-engineer" is held to "seniro" against "senior"). A typo is at most a
 * third of the longer of the words compared (at least 1), word by word when both have as many words, so
 * "seniro" finds senior but "vp" never finds "em", nor "seniro-engineer" "senior-designer".
 */
export function typoDistance(wanted: string, name: string): number | undefined {
  const [mine, theirs] = withoutSharedWords(wanted, name);
  const best = Math.min(wordsApart(mine, theirs), ...(name.includes('-') ? name.split('-').map((word) => wordsApart(wanted, word)) : []));
  return best === Infinity ? undefined : best;
}

/** The edit distance of two slugs, word by word when they have as many words; Infinity past a typo. */
function wordsApart(a: string, b: string): number {
  const aWords = a.split('-');
  const bWords = b.split('-');
  const pairs: [string, string][] = aWords.length === bWords.length ? aWords.map((word, i) => [word, bWords[i]!]) : [[a, b]];
  let total = 0;
  for (const [x, y] of pairs) {
    const distance = editDistance(x, y);
    if (distance > Math.max(1, Math.floor(Math.max(x.length, y.length) / 3))) return Infinity;
    total += distance;
  }
  return total;
}

/** Two slugs without the words both have, or as they are when that would leave either empty. */
function withoutSharedWords(a: string, b: string): [string, string] {
  const aWords = a.split('-');
  const bWords = b.split('-');
  const keptA = aWords.filter((word) => !bWords.includes(word));
  const keptB = bWords.filter((word) => !aWords.includes(word));
  return keptA.length && keptB.length ? [keptA.join('-'), keptB.join('-')] : [a, b];
}
