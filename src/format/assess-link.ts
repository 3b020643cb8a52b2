import { safeLink } from './safe-link.js';

/**
 * A link from an evidence file, where it is safe to make it a link (see `safeLink`); anything else is
 * hostile or surprising in a packet that reviewers open, so it is shown as text instead.
 */
export function safeHref(link: string): string | undefined {
  const trimmed = link.trim();
  return trimmed !== '' && safeLink(trimmed) ? trimmed : undefined;
}

/** The date and ratings of a piece of evidence, as one parenthesis-free phrase: "2026-03-01; self: sometimes". */
export function itemDetails(item: { date?: string; self?: string; manager?: string }): string {
  return [item.date, item.self && `self: ${item.self}`, item.manager && `manager: ${item.manager}`].filter(Boolean).join('; ');
}
