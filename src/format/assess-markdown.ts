import type { AssessReport, EvidenceItem } from '../schema/evidence.js';
import { itemDetails, safeHref } from './assess-link.js';
import { codeSpan, escapeMarkdown, inertMarkdown } from './markdown-escape.js';
import { plural } from './plural.js';

/**
 * A promotion packet to paste into a document or a review: per section, each expectation of the target
 * with its evidence under it, or "No evidence yet"; then the gap in one list. Counts, no score. Evidence
 * text is shown as written but inert (no raw HTML, no mentions); links only when http(s) or relative.
 */
export function formatAssessMarkdown(report: AssessReport): string {
  const { summary } = report;
  const heading = report.role ? `${escapeMarkdown(report.role.title)} → ${escapeMarkdown(report.target.title)}` : escapeMarkdown(report.target.title);
  const blocks = [
    `# Promotion packet: ${heading}`,
    `${plural(summary.expectations, 'expectation')} of **${escapeMarkdown(report.target.title)}** (${codeSpan(report.target.id)}): ${summary.withEvidence} with evidence, ${summary.gap} without.`,
  ];
  for (const section of report.sections) {
    const done = section.expectations.filter((e) => e.evidence.length > 0).length;
    blocks.push(`## ${escapeMarkdown(section.title)} (${done} of ${section.expectations.length})`);
    for (const expectation of section.expectations) {
      blocks.push(`### ${inertMarkdown(expectation.text)}`);
      blocks.push(expectation.evidence.length ? expectation.evidence.map((item) => `- ${itemMarkdown(item)}`).join('\n') : '*No evidence yet.*');
    }
  }
  const gap = report.sections.flatMap((section) => section.expectations.filter((e) => e.evidence.length === 0).map((e) => `- [ ] ${inertMarkdown(e.text)} *(${escapeMarkdown(section.title)})*`));
  if (gap.length) blocks.push('## The gap', gap.join('\n'));
  return blocks.join('\n\n') + '\n';
}

function itemMarkdown(item: EvidenceItem): string {
  const href = item.link === undefined ? undefined : safeHref(item.link);
  const link = item.link === undefined ? '' : href && !/[<>]/.test(href) ? `[${escapeMarkdown(item.link)}](<${href}>)` : codeSpan(item.link);
  const details = itemDetails(item);
  return [link, item.note && inertMarkdown(item.note), details && `*(${escapeMarkdown(details)})*`].filter(Boolean).join(' — ');
}
