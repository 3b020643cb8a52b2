import Table from 'cli-table3';
import type { RoleSummary } from '../schema/role.js';
import { ladderGrid } from './ladder-grid.js';
import { paint } from './paint.js';
import { plural } from './plural.js';
import { showControlsIn } from './terminal-text.js';

/**
 * Roles as the picture of a ladder: one column per track, levels from the top down. Each role gets a
 * cell of its own (a level spans as many rows as its most crowded track): cli-table3 lays out a cell
 * in time that grows with the square of its lines, so one cell per level would stall on large ladders.
 */
export function formatChart(roles: RoleSummary[], { color }: { color: boolean }): string {
  roles = showControlsIn(roles);
  const c = paint(color);
  const grid = ladderGrid(roles);
  const table = new Table({
    head: ['level', ...grid.tracks],
    style: { head: color ? ['bold'] : [], border: color ? ['grey'] : [] },
  });
  for (const level of grid.levels) {
    const cells = grid.tracks.map((track) => grid.at(level, track));
    const rows = Math.max(...cells.map((cell) => cell.length));
    for (let i = 0; i < rows; i++) {
      const row = cells.map((cell) => (cell[i] ? `${c.bold(cell[i]!.title)}\n${c.dim(cell[i]!.id)}` : ''));
      table.push([i === 0 ? String(level) : '', ...row]);
    }
  }
  return `${table.toString()}\n${plural(roles.length, 'role')} in ${plural(grid.tracks.length, 'track')}\n`;
}
