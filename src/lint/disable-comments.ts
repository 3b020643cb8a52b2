/**
 * Inline switches, read from the raw lines of a file:
 *   <!-- ladder-disable-next-line [rule ...] -->   the line below
 *   <!-- ladder-disable [rule ...] -->             from here to the end of the file, or to
 *   <!-- ladder-enable [rule ...] -->              this line
 * No rule named means every rule. Rule ids may be separated by spaces or commas.
 */
const COMMENT = /<!--\s*ladder-(disable-next-line|disable|enable)\b([^>]*?)\s*-->/g;

export type IsDisabled = (ruleId: string, line: number) => boolean;

export function disabledLines(lines: string[]): IsDisabled {
  const nextLine = new Map<number, Set<string> | 'all'>();
  /** Per rule (or 'all'), the ranges of lines where it is off: [from, to). */
  const ranges: { rule: string; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  lines.forEach((text, index) => {
    const line = index + 1;
    for (const match of text.matchAll(COMMENT)) {
      const rules = match[2]!.split(/[\s,]+/).filter(Boolean);
      const names = rules.length ? rules : ['all'];
      if (match[1] === 'disable-next-line') {
        const current = nextLine.get(line + 1);
        nextLine.set(line + 1, rules.length === 0 || current === 'all' ? 'all' : new Set([...(current ?? []), ...rules]));
      } else if (match[1] === 'disable') {
        for (const rule of names) if (!open.has(rule)) open.set(rule, line);
      } else {
        for (const rule of names) {
          const from = open.get(rule);
          if (from !== undefined) ranges.push({ rule, from, to: line });
          open.delete(rule);
        }
      }
    }
  });
  for (const [rule, from] of open) ranges.push({ rule, from, to: Infinity });
  return (ruleId, line) => {
    const next = nextLine.get(line);
    if (next === 'all' || next?.has(ruleId)) return true;
    return ranges.some((r) => (r.rule === 'all' || r.rule === ruleId) && line >= r.from && line < r.to);
  };
}
