import { isDeepStrictEqual } from 'node:util';
import type { LadderConfig } from '../schema/config.js';
import type { LadderSurvey } from '../schema/survey.js';
import { escapedChar } from './terminal-text.js';

/**
 * What YAML may not hold raw on one line, beyond what JSON escapes: DEL, C1 controls (U+0085 ends a line
 * in YAML 1.1), the Unicode line and paragraph separators and a byte-order mark.
 */
const NOT_YAML_TEXT = /[\x7f-\x9f\u2028\u2029\ufeff]/g;

/**
 * A YAML scalar: JSON's double-quoted strings are valid YAML and need no judgement about when to quote;
 * what JSON leaves raw but YAML does not accept is escaped as `\uXXXX`, which YAML reads back.
 */
const q = (text: string) => JSON.stringify(text).replace(NOT_YAML_TEXT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Any control or line-breaking character in a comment, written out: a file name must not start a YAML line. */
const COMMENT_BREAKER = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/g;

/**
 * The proposed `ladder.yaml`, with a comment on each entry saying why it is there, so whoever reviews the
 * file can check the guesses (an ambiguous parent's alias is one). `schema`, the path of the JSON Schema
 * from the file's folder, goes in the modeline yaml-language-server (VS Code and others) reads.
 */
export function formatLadderYaml(survey: LadderSurvey, schema?: string): string {
  const { config } = survey;
  const lines = [
    ...(schema ? [`# yaml-language-server: $schema=${schema}`.replace(COMMENT_BREAKER, escapedChar)] : []),
    '# How `ladder` reads this folder, proposed by `ladder init`. Check the comments, then commit it.',
  ];
  if (config.format) {
    lines.push('', `# ${survey.shape ? `Seen: ${survey.shape}.` : 'Which reader turns the files into roles.'}`.replace(COMMENT_BREAKER, escapedChar));
    if (typeof config.format === 'string') lines.push(`format: ${q(config.format)}`);
    else lines.push('format:', ...Object.entries(config.format).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`));
  }
  if (config.ignore?.length) {
    lines.push('', '# Markdown files that are not roles: never loaded, never linted.', 'ignore:');
    for (const glob of config.ignore) lines.push(`  - ${q(glob)}${comment(whyIgnored(survey, glob))}`);
  }
  const aliases = Object.entries(config.aliases ?? {});
  if (aliases.length) {
    lines.push('', '# Names used in parent lines -> the id of the role they mean.', 'aliases:');
    for (const [name, id] of aliases) lines.push(`  ${q(name)}: ${q(id)}${comment(whyAlias(survey, name))}`);
  }
  const tracks = Object.entries(config.tracks ?? {});
  if (tracks.length) {
    lines.push('', '# Track name -> the role it starts at; roles below it belong to it.', 'tracks:');
    for (const [track, id] of tracks) lines.push(`  ${q(track)}: ${q(id)}`);
  }
  if (config.levels) {
    const { order, inherit } = config.levels;
    lines.push('', `# ${survey.shape ? `Seen: ${survey.shape}.` : 'How the levels are ordered, and whether each builds on the one before.'}`.replace(COMMENT_BREAKER, escapedChar), 'levels:');
    lines.push(...(Array.isArray(order) ? ['  order:', ...order.map((file) => `    - ${q(file)}`)] : [`  order: ${q(order)}`]), `  inherit: ${q(inherit)}`);
  }
  if (config.inherits) {
    lines.push('', 'inherits:', '  patterns:', ...config.inherits.patterns.map((p) => `    - ${q(p)}`));
  }
  const rules = Object.entries(config.rules ?? {});
  if (rules.length) lines.push('', 'rules:', ...rules.map(([id, setting]) => `  ${id}: ${typeof setting === 'string' ? setting : JSON.stringify(setting)}`));
  return lines.join('\n') + '\n';
}

/**
 * Whether `yaml` reads back as exactly `config`: what `init --write` checks before writing, so no file or
 * parent name, however written, can add or change a setting of the ladder it configures.
 */
export async function readsBackAs(yaml: string, config: LadderConfig): Promise<boolean> {
  const { parse } = await import('yaml');
  try {
    return isDeepStrictEqual(parse(yaml) ?? {}, JSON.parse(JSON.stringify(config)));
  } catch {
    return false;
  }
}

function comment(text: string): string {
  return text ? `  # ${text.replace(COMMENT_BREAKER, escapedChar)}` : '';
}

function whyIgnored(survey: LadderSurvey, glob: string): string {
  const files = survey.notRoles.filter((n) => n.ignoredBy === glob);
  if (files.length) return files.map((n) => `${n.file}: ${n.kind}`).join('; ');
  return survey.leftOut.includes(glob) ? 'a folder of Markdown with no role files' : 'kept from the existing ladder.yaml';
}

function whyAlias(survey: LadderSurvey, name: string): string {
  const notes = survey.parents.filter((p) => p.name === name && p.kind !== 'unknown');
  if (notes.length === 0) return 'kept from the existing ladder.yaml';
  const places = notes.map((n) => `${n.file}:${n.line}`).join(', ');
  const ambiguous = notes.find((n) => n.kind === 'ambiguous');
  return ambiguous ? `a guess for ${places}: it could also be ${ambiguous.candidates.slice(1).join(', ')}; check` : `loose name at ${places}, pinned`;
}
