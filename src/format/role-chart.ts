import Table from 'cli-table3';
import type { RoleSummary } from '../schema/role.js';
import { paint } from './paint.js';

/**
 * Roles as the picture of a ladder: one column per track, levels from the top down. Each role gets a
 * cell of its own (a level spans as many rows as its most crowded track): cli-table3 lays out a cell
 * in time that grows with the square of its lines, so one cell per level would stall on large ladders.
 */
export function formatChart(roles: RoleSummary[], { color }: { color: boolean }): string {
  const c = paint(color);
  const tracks = [...new Set(roles.map((r) => r.track))];
  const byLevel = new Map<number, Map<string, RoleSummary[]>>();
  for (const role of roles) {
    const level = byLevel.get(role.level) ?? new Map<string, RoleSummary[]>();
    byLevel.set(role.level, level);
    level.set(role.track, [...(level.get(role.track) ?? []), role]);
  }
  const table = new Table({
    head: ['level', ...tracks],
    style: { head: color ? ['bold'] : [], border: color ? ['grey'] : [] },
  });
  for (const level of [...byLevel.keys()].sort((a, b) => b - a)) {
    const cells = tracks.map((track) => byLevel.get(level)!.get(track) ?? []);
    const rows = Math.max(...cells.map((cell) => cell.length));
    for (let i = 0; i < rows; i++) {
      const row = cells.map((cell) => (cell[i] ? `${c.bold(cell[i]!.title)}\n${c.dim(cell[i]!.id)}` : ''));
      table.push([i === 0 ? String(level) : '', ...row]);
    }
  }
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return `${table.toString()}\n${count(roles.length, 'role')} in ${count(tracks.length, 'track')}\n`;
}
