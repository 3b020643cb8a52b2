/**
 * A link from an evidence file, where it is safe to make it a link: http(s), or a relative path. Anything
 * else (javascript:, data:, file:, a protocol-relative //host) is hostile or surprising in a packet that
 * reviewers open, so it is shown as text instead.
 */
export function safeHref(link: string): string | undefined {
  const trimmed = link.trim();
  if (/^https?:\/\/[^\s]+$/i.test(trimmed)) return trimmed;
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !trimmed.startsWith('//') && !/[\s\\]/.test(trimmed);
  return relative && trimmed !== '' ? trimmed : undefined;
}

/** The date and ratings of a piece of evidence, as one parenthesis-free phrase: "2026-03-01; self: sometimes". */
export function itemDetails(item: { date?: string; self?: string; manager?: string }): string {
  return [item.date, item.self && `self: ${item.self}`, item.manager && `manager: ${item.manager}`].filter(Boolean).join('; ');
}
