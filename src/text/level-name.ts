/**
 * Words that name a career level ("Junior", "Senior Engineer", "L3", "IC4", "Engineer II", "Level 2", "3").
 * Used to tell which way a matrix runs and whether a file's headings are levels or skills. English only.
 */
const LEVEL_WORD =
  /\b(?:junior|mid|middle|intermediate|senior|staff|principal|lead|intern|associate|graduate|entry|distinguished|fellow|apprentice|novice|expert|level|grade|tier|engineer|developer|[lepm]\d+|ic\d+|i{1,3}|iv|v|vi)\b|^\s*\d+\s*$/i;

export function looksLikeLevel(name: string): boolean {
  return LEVEL_WORD.test(name);
}
