/** Lowercase without accents, so "senior" meets "Sénior": how names, searches and word sets compare text. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}
