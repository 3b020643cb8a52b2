const utf8 = new TextEncoder();

/**
 * A short, stable hash: 32-bit FNV-1a over the UTF-8 bytes of `text`, as 8 hex digits. Used for names
 * that must not change between runs or machines (cache files, expectation ids); node:crypto costs more
 * to load than this saves, and none of its uses needs resistance to a deliberate collision.
 */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of utf8.encode(text)) hash = Math.imul(hash ^ byte, 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
