import { loadLadder, type LoadOptions } from '../load/load-ladder.js';
import type { LadderConfig, LadderFormat } from '../schema/config.js';
import type { ParsedExpectation } from '../schema/parsed.js';

/** What init makes of a ladder written in prose: the `format:` that reads it, and what was seen. */
export interface ProseShape {
  format: LadderFormat;
  seen: string;
}

/**
 * A ladder written in prose: read with paragraphs as expectations, its sections hold at least as many
 * paragraphs as list items, and most role files with sections have some. Then `prose: true` is added to
 * the reader `format` chose (the default one when undefined). Undefined for a ladder of bullets, which
 * the prose reading would only swell with the odd explanatory paragraph.
 */
export async function proseShape(root: string, options: Pick<LoadOptions, 'cache'>, inherits: LadderConfig['inherits'], format: LadderFormat | undefined): Promise<ProseShape | undefined> {
  const base = format === undefined || format === 'role-per-file' ? { reader: 'role-per-file' as const } : format === 'levels-in-one-file' ? { reader: 'levels-in-one-file' as const } : format;
  if (typeof base !== 'object' || (base.reader !== 'role-per-file' && base.reader !== 'levels-in-one-file')) return undefined;
  const proseFormat = { ...base, prose: true } as LadderFormat;
  const read = await loadLadder(root, { ...options, config: { inherits, format: proseFormat } });
  const byFile = new Map<string, ParsedExpectation[]>();
  for (const role of read.roles) byFile.set(role.file, [...(byFile.get(role.file) ?? []), ...role.sections.flatMap((section) => section.expectations)]);
  const files = [...byFile.values()].filter((expectations) => expectations.length > 0);
  const paragraphs = files.flat().filter((expectation) => expectation.paragraph).length;
  const items = files.flat().length - paragraphs;
  const inProse = files.filter((expectations) => expectations.some((expectation) => expectation.paragraph)).length;
  if (paragraphs === 0 || paragraphs < items || inProse * 2 < files.length) return undefined;
  const seen = `written in prose, each paragraph under a section an expectation (${paragraphs} paragraphs and ${items} list items in ${files.length} files)`;
  return { format: proseFormat, seen };
}
