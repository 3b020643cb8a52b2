import type { FrontMatter } from '../schema/front-matter.js';
import type { Problem } from '../schema/parsed.js';

export interface SplitFrontMatter {
  /** The YAML between the fences, or null when the file has none. */
  yaml: string | null;
  /** The file with the front matter replaced by as many empty lines, so Markdown line numbers stay true. */
  body: string;
  /** True when an opening `---` has no closing fence: the whole file is then unusable as a role. */
  unclosed: boolean;
}

/** Front matter is a line-level convention, not Markdown, so it is split off before remark sees the file. */
export function splitFrontMatter(text: string): SplitFrontMatter {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return { yaml: null, body: text, unclosed: false };
  const end = lines.findIndex((line, i) => i > 0 && (line.trimEnd() === '---' || line.trimEnd() === '...'));
  if (end < 0) return { yaml: null, body: text, unclosed: true };
  return {
    yaml: lines.slice(1, end).join('\n'),
    body: '\n'.repeat(end + 1) + lines.slice(end + 1).join('\n'),
    unclosed: false,
  };
}

/**
 * Parses and validates front matter. yaml and zod are loaded here, on first use, because most ladders
 * have no front matter and startup should not pay for them. Invalid keys are reported and dropped;
 * the valid rest still applies.
 */
export async function readFrontMatter(yamlText: string, file: string): Promise<{ frontMatter: FrontMatter; problems: Problem[] }> {
  const [{ parseDocument, LineCounter, isMap, isScalar }, { FrontMatterSchema, STATIC_SITE_KEYS }] = await Promise.all([
    import('yaml'),
    import('../schema/front-matter.js'),
  ]);
  const lineCounter = new LineCounter();
  const problems: Problem[] = [];
  // Line 1 of the file is the opening fence, so YAML line n is file line n + 1.
  const report = (message: string, offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ code: 'front-matter', message, file, line: line + 1, column: col });
  };
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    report(`front matter is not valid YAML: ${firstLine(error.message)}`, error.pos[0]);
    return { frontMatter: {}, problems };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error) {
    report(`front matter cannot be read: ${firstLine((error as Error).message)}`, 0);
    return { frontMatter: {}, problems };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    report('front matter must be a mapping of keys to values', 0);
    return { frontMatter: {}, problems };
  }
  // A static-site page's own keys (layout, date, tags…) are no defect of the role: dropped before checking.
  const fields = Object.fromEntries(Object.entries(data).filter(([key]) => !STATIC_SITE_KEYS.has(key)));
  const result = FrontMatterSchema.safeParse(fields);
  if (result.success) return { frontMatter: result.data, problems };

  const keyOffset = (key: string) => {
    if (!isMap(doc.contents)) return 0;
    const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    return (isScalar(pair?.key) && pair.key.range?.[0]) || 0;
  };
  const bad = new Set<string>();
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
    for (const key of keys) {
      bad.add(key);
      const what = issue.code === 'unrecognized_keys' ? `unknown key "${key}" (known: ${Object.keys(FrontMatterSchema.shape).join(', ')})` : `"${key}" ${issue.message}, found ${shown(fields[key])}`;
      report(`front matter: ${what}`, keyOffset(key));
    }
  }
  const kept = Object.fromEntries(Object.entries(fields).filter(([key]) => !bad.has(key)));
  return { frontMatter: FrontMatterSchema.parse(kept), problems };
}

/** A value as the user wrote it, cut short so the message stays one readable line. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}
