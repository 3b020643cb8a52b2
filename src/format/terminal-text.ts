/**
 * Text from ladder files shown in a terminal: control characters (C0 but tab and newline, DEL, C1) are
 * written out as `\x1b`, `\u009b`, so a title cannot clear the screen, retitle the window, hide text or
 * plant an OSC 8 link. Human-readable renderers apply it to their input before they add colour (their own
 * escape codes must survive); machine formats (json, sarif, csv, yaml) keep the data exact.
 */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** One character as the escape a reader can type back: `\x1b` below U+0080, `\u009b` from there. */
export function escapedChar(char: string): string {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A string with its control characters made visible. */
export function showControls(text: string): string {
  return text.replace(CONTROL, escapedChar);
}

/**
 * `showControls` on every string inside a renderer's input (objects, arrays, maps), so no field a renderer
 * prints, today's or tomorrow's, is left raw. Numbers, booleans and the shape are kept.
 */
export function showControlsIn<T>(value: T): T {
  if (typeof value === 'string') return showControls(value) as T;
  if (Array.isArray(value)) return value.map(showControlsIn) as T;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [showControlsIn(k), showControlsIn(v)])) as T;
  if (value instanceof Set) return new Set([...value].map(showControlsIn)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, showControlsIn(v)])) as T;
  }
  return value;
}
