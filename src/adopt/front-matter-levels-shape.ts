import { posix } from 'node:path';
import { splitFrontMatter } from '../load/front-matter.js';
import type { SourceFile } from '../load/load-ladder.js';
import type { NotARole } from '../schema/survey.js';

/** What init makes of a ladder whose levels are data in front matter: the reader, and the pages that hold no levels. */
export interface FrontMatterLevelsShape {
  format: 'front-matter-levels';
  seen: string;
  /** Markdown pages beside the tracks (a home page) with no topics: ignored, each with why. */
  notRoles: NotARole[];
}

/**
 * A ladder kept as the Monzo progression framework keeps it: some file's front matter lists `topics`, each
 * with `content` entries holding a `level` and `criteria`. Returns what was seen, "backend.md: levels 1 → 4",
 * and every other page, which holds no levels and so is proposed for ignoring; undefined for other ladders.
 */
export async function frontMatterLevelsShape(sources: SourceFile[]): Promise<FrontMatterLevelsShape | undefined> {
  const { parse } = await import('yaml');
  const tracks: string[] = [];
  const pages: NotARole[] = [];
  for (const source of sources) {
    const yaml = splitFrontMatter(source.text.replace(/\r\n?/g, '\n')).yaml;
    let data: unknown;
    try {
      data = yaml === null ? undefined : parse(yaml);
    } catch {
      data = undefined;
    }
    const levels = topicLevels(data);
    if (levels.length > 0) tracks.push(`${source.file}: levels ${levels.join(' → ')}`);
    else pages.push({ file: source.file, title: titleOf(data) ?? posix.basename(source.file, '.md'), kind: 'overview', reason: 'no "topics" with criteria per level in its front matter', ignoredBy: source.file });
  }
  if (tracks.length === 0) return undefined;
  const seen = `levels as data in front matter, a file per track with topics holding criteria per level, each level building on the one before: ${tracks.join('; ')}`;
  return { format: 'front-matter-levels', seen, notRoles: pages };
}

/** The levels, lowest first, that a front matter's topics give criteria for; none when it has no such topics. */
function topicLevels(data: unknown): number[] {
  const topics = (data as { topics?: unknown } | undefined)?.topics;
  if (!Array.isArray(topics)) return [];
  const levels = new Set<number>();
  for (const topic of topics) {
    const content = (topic as { content?: unknown } | null)?.content;
    if (!Array.isArray(content)) continue;
    for (const entry of content) {
      const { level, criteria } = (entry ?? {}) as { level?: unknown; criteria?: unknown };
      if (Number.isInteger(level) && criteria !== undefined) levels.add(level as number);
    }
  }
  return [...levels].sort((a, b) => a - b);
}

function titleOf(data: unknown): string | undefined {
  const title = (data as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
}
