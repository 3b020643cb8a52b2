import type { LadderFormat } from '../../schema/config.js';

type ReaderFormat = Extract<LadderFormat, object>;
type ReaderName = ReaderFormat['reader'];

/**
 * The settings `ladder.yaml` gives `reader`: its options when `format:` is an object naming it, none when
 * `format:` is the reader's name alone (`format: matrix`), undefined when it asks for another reader. Each
 * reader fills in its own defaults.
 */
export function settingsOf<Name extends ReaderName>(format: LadderFormat | undefined, reader: Name): Partial<Extract<ReaderFormat, { reader: Name }>> | undefined {
  if (format === reader) return {};
  return typeof format === 'object' && format.reader === reader ? (format as Extract<ReaderFormat, { reader: Name }>) : undefined;
}
