/** Machine output: two-space JSON with a final newline, stable key order as built. */
export function formatJson(data: unknown): string {
  return JSON.stringify(data, null, 2) + '\n';
}
