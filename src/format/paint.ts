import type { ChalkInstance } from 'chalk';

let coloured: ChalkInstance | undefined;

/**
 * Loads chalk for coloured output. Only a terminal (or --color) wants colour, and loading chalk probes the
 * terminal (tty, os), which costs every run's startup: the entry point loads it when colour is on.
 */
export async function loadColour(): Promise<void> {
  const { Chalk } = await import('chalk');
  coloured ??= new Chalk({ level: 1 });
}

/**
 * What chalk with colour off does, without loading chalk: any chain of styles (`c.bold.red`) joins its
 * arguments with spaces and adds nothing; its level is 0.
 */
const plain: ChalkInstance = new Proxy(Object.assign((...text: unknown[]) => text.join(' '), { level: 0 }) as unknown as ChalkInstance, {
  get: (target, key) => (key === 'level' ? 0 : typeof key === 'symbol' || key in Function.prototype ? Reflect.get(target, key) : plain),
});

/** A chalk that colours only when asked to; decided once by the entry point, never by a formatter. */
export function paint(color: boolean): ChalkInstance {
  if (!color) return plain;
  if (!coloured) throw new Error('colouring output before loadColour()');
  return coloured;
}
