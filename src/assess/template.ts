import type { ResolvedRole } from '../schema/role.js';
import type { EvidenceRecord } from './evidence-file.js';

export interface TemplateInput {
  role: { id: string; title: string } | null;
  target: ResolvedRole;
  scale: string[];
}

/** A fresh evidence file listing every expectation of the target, with its id and text, to be filled in. */
export function evidenceTemplate(kind: EvidenceRecord['kind'], input: TemplateInput): string {
  return kind === 'markdown' ? markdownTemplate(input) : yamlTemplate(input);
}

/** One line, whatever the ladder's text holds: a comment or heading must not spill onto the next line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** An id as a YAML key: plain when it is made of slug characters (ladder's own ids), else quoted. */
export function yamlKey(id: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u.test(id) ? id : JSON.stringify(id);
}

function yamlTemplate({ role, target, scale }: TemplateInput): string {
  const lines = [
    `# Evidence for ${oneLine(target.title)} (${target.id}), written by ladder assess --template.`,
    '# Under each id, list what shows that expectation: a link, a note, a date, and ratings (self, manager)',
    `# on the scale: ${scale.join(', ')}. For example:`,
    '#   some/expectation/id:',
    '#     - link: https://example.com/pull/1',
    '#       note: Led the design review of the new billing service.',
    '#       date: 2026-03-01',
    `#       self: ${scale.at(-1)}`,
    '# Leave [] where there is nothing yet: that is the gap. Keep the comment above each id: when the',
    '# expectation is reworded, ladder assess uses it to find the new one (and --fix moves the evidence).',
    ...(role ? [`role: ${yamlKey(role.id)}`] : []),
    `target: ${yamlKey(target.id)}`,
    'evidence:',
  ];
  for (const section of target.sections) {
    lines.push(`  # ── ${oneLine(section.title)} ──`);
    for (const expectation of section.expectations) lines.push(`  # ${oneLine(expectation.text)}`, `  ${yamlKey(expectation.id)}: []`);
  }
  return lines.join('\n') + '\n';
}

function markdownTemplate({ role, target, scale }: TemplateInput): string {
  const blocks = [
    `# Evidence for ${oneLine(target.title)}`,
    [...(role ? [`role: ${role.id}`] : []), `target: ${target.id}`].join('\n'),
    [
      '<!--',
      'Under each expectation, write each piece of evidence as a list item or a paragraph; its first',
      'http(s) link is its link. "Self:", "Manager:" and "Date:" lines set those of the piece above them;',
      `ratings are one of: ${scale.join(', ')}. Keep the {#id} at the end of each heading: it is how`,
      'ladder assess knows the expectation, and the heading text how it finds it again when reworded.',
      '-->',
    ].join('\n'),
  ];
  for (const section of target.sections) {
    blocks.push(`# ${oneLine(section.title)}`);
    for (const expectation of section.expectations) blocks.push(`## ${oneLine(expectation.text).replace(/\{#/g, '{ #')} {#${expectation.id}}`);
  }
  return blocks.join('\n\n') + '\n';
}
