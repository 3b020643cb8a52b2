/** A finding's file (relative to the ladder) as seen from where the tool runs (`base`: the ladder from there). */
export function fromRunFolder(base: string, file: string): string {
  return base ? `${base}/${file}` : file;
}
