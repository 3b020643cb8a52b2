import { Chalk, type ChalkInstance } from 'chalk';

/** A chalk that colours only when asked to; decided once by the entry point, never by a formatter. */
export function paint(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
