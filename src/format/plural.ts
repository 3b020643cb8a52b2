/** "1 role", "2 roles": counts in output read as English. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
