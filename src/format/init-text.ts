import type { LadderSurvey } from '../schema/survey.js';
import { paint } from './paint.js';
import { plural } from './plural.js';
import { showControlsIn } from './terminal-text.js';
import { fitLines } from './wrap.js';

export interface InitTextOptions {
  color: boolean;
  /** The proposed ladder.yaml, shown at the end; empty when none is needed. */
  yaml: string;
  /** What happened to it: written, or how to write it. */
  outcome: string;
  /** The terminal's columns to wrap to; none when piped. */
  width?: number;
}

/** What `ladder init` found, section by section, then the ladder.yaml it proposes. */
export function formatSurvey(survey: LadderSurvey, { color, yaml, outcome, width }: InitTextOptions): string {
  [survey, yaml, outcome] = showControlsIn([survey, yaml, outcome] as const);
  const c = paint(color);
  const title = new Map(survey.roles.map((r) => [r.id, r.title]));
  const name = (id: string) => `${id} (${title.get(id) ?? id})`;
  const tracks = [...new Set(survey.roles.map((r) => r.track))];
  const lines = [
    c.bold(`${survey.root}: ${plural(survey.files, 'file')}, ${plural(survey.roles.length, 'role')} in ${plural(tracks.length, 'track')} (${tracks.join(', ')})`),
  ];
  if (survey.shape) lines.push('', `${c.bold('Shape:')} ${survey.shape}`);
  if (survey.chains.length) {
    lines.push('', c.bold('Lines of roles, root first'));
    for (const chain of survey.chains) lines.push(`  ${chain.map((id) => title.get(id) ?? id).join(' → ')}`);
  }
  if (survey.notRoles.length) {
    lines.push('', c.bold('Not roles (ignored by the proposal)'));
    for (const n of survey.notRoles) lines.push(`  ${n.file}  ${c.dim(`${n.kind}: ${n.reason}`)}`);
  }
  const group = (kind: string, heading: string, describe: (candidates: string[]) => string) => {
    const notes = survey.parents.filter((p) => p.kind === kind);
    if (notes.length === 0) return;
    lines.push('', c.bold(heading));
    for (const p of notes) lines.push(`  ${p.file}:${p.line}  "${p.name}" → ${describe(p.candidates)}`);
  };
  group('loose', 'Parents named loosely (the proposal pins them with an alias)', ([id]) => name(id!));
  group('ambiguous', 'Ambiguous parents (the proposal guesses the first; check it)', (ids) => ids.map(name).join(c.dim(' or ')));
  group('unknown', 'Parents that name no role (fix the file; no alias is guessed)', (ids) => (ids.length ? `did you mean ${ids.map(name).join(', ')}?` : 'no role looks like it'));
  if (survey.unsettled.length) {
    lines.push('', c.bold('Files not read as roles, or not in full (fix them, or list them under "ignore:")'));
    for (const u of survey.unsettled) lines.push(`  ${u.file}:${u.line}  ${u.message}`);
  }
  lines.push('', verdict(survey, yaml !== '', c));
  const out = [fitLines(lines.join('\n'), width)];
  // The proposal is YAML to copy as it stands: wrapping a line of it would change what it says.
  if (yaml) out.push('', c.bold('Proposed ladder.yaml'), c.dim('---'), yaml.trimEnd(), c.dim('---'));
  out.push(fitLines(outcome, width));
  return out.join('\n') + '\n';
}

/**
 * The last word on the survey. "Every role resolves" only when nothing above is a guess or left unread:
 * a loose or ambiguous parent the proposal pins still needs a person to check it.
 */
function verdict(survey: LadderSurvey, proposed: boolean, c: ReturnType<typeof paint>): string {
  const under = proposed ? 'With the proposed ladder.yaml' : 'As it is';
  // Nothing to resolve is no success: a proposal that reads no role, or roles that build on nothing, reads no ladder.
  if (survey.roles.length === 0) return c.yellow(`${under}, no file is read as a role: check the files listed above, and the "ignore:" entries.`);
  if (survey.roles.length > 1 && survey.roles.every((role) => role.inherits === null)) {
    return c.yellow(`${under}, no role inherits from another: each is read on its own. If the levels build on each other, give their order (see "Ladder shapes" in the README).`);
  }
  if (survey.unresolved.length > 0) {
    const found = survey.unresolved.map((u) => `\n  ${u.file}:${u.line}  ${u.message}`).join('');
    const verb = survey.unresolved.length === 1 ? 'breaks' : 'break';
    return c.yellow(`${under}, ${plural(survey.unresolved.length, 'defect')} still ${verb} inheritance:`) + found;
  }
  const guesses = survey.parents.filter((p) => p.kind !== 'unknown').length;
  const doubts = [
    ...(guesses ? [`${plural(guesses, 'parent')} ${guesses === 1 ? 'is a guess' : 'are guesses'} to check`] : []),
    ...(survey.unsettled.length ? [`${plural(survey.unsettled.length, 'finding')} in the files to fix`] : []),
  ];
  if (doubts.length) return c.yellow(`${under} every parent line finds its role, but ${doubts.join(' and ')} (above).`);
  return c.green(proposed ? 'With the proposed ladder.yaml every role resolves.' : 'Every role resolves.');
}
