import type { LadderSurvey } from '../schema/survey.js';

/** A YAML scalar: JSON's double-quoted strings are valid YAML and need no judgement about when to quote. */
const q = (text: string) => JSON.stringify(text);

/**
 * The proposed `ladder.yaml`, with a comment on each entry saying why it is there, so whoever reviews the
 * file can check the guesses (an ambiguous parent's alias is one).
 */
export function formatLadderYaml(survey: LadderSurvey): string {
  const { config } = survey;
  const lines = [
    '# How `ladder` reads this folder, proposed by `ladder init`. Check the comments, then commit it.',
    '# Schema: https://github.com/ladder/ladder/schemas/ladder-config.schema.json',
  ];
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
  if (config.inherits) {
    lines.push('', 'inherits:', '  patterns:', ...config.inherits.patterns.map((p) => `    - ${q(p)}`));
  }
  const rules = Object.entries(config.rules ?? {});
  if (rules.length) lines.push('', 'rules:', ...rules.map(([id, setting]) => `  ${id}: ${setting}`));
  return lines.join('\n') + '\n';
}

function comment(text: string): string {
  return text ? `  # ${text}` : '';
}

function whyIgnored(survey: LadderSurvey, glob: string): string {
  const files = survey.notRoles.filter((n) => n.ignoredBy === glob);
  return files.length ? files.map((n) => `${n.file}: ${n.kind}`).join('; ') : 'kept from the existing ladder.yaml';
}

function whyAlias(survey: LadderSurvey, name: string): string {
  const notes = survey.parents.filter((p) => p.name === name && p.kind !== 'unknown');
  if (notes.length === 0) return 'kept from the existing ladder.yaml';
  const places = notes.map((n) => `${n.file}:${n.line}`).join(', ');
  const ambiguous = notes.find((n) => n.kind === 'ambiguous');
  return ambiguous ? `a guess for ${places}: it could also be ${ambiguous.candidates.slice(1).join(', ')}; check` : `loose name at ${places}, pinned`;
}
