import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { RoleSummary } from '../schema/role.js';
import { ladderGrid, type LadderGrid } from './ladder-grid.js';
import { paint } from './paint.js';
import { plural } from './plural.js';
import { showControlsIn } from './terminal-text.js';
import { displayWidth, fitLines, hang } from './wrap.js';

/**
 * Roles as the picture of a ladder: one column per track, levels from the top down. Each role gets a
 * cell of its own (a level spans as many rows as its most crowded track): cli-table3 lays out a cell
 * in time that grows with the square of its lines, so one cell per level would stall on large ladders.
 */
export function formatChart(roles: RoleSummary[], { color, width }: { color: boolean; width?: number }): string {
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
  const chart = table.toString();
  const fits = width === undefined || chart.split('\n').every((line) => displayWidth(line) <= width);
  const body = fits ? chart : stacked(grid, c, width);
  return `${body}\n${fitLines(`${plural(roles.length, 'role')} in ${plural(grid.tracks.length, 'track')}`, width)}\n`;
}

/** The chart too wide for the terminal: each track under its name, levels from the top down, a role a line. */
function stacked(grid: LadderGrid<RoleSummary>, c: ChalkInstance, width: number | undefined): string {
  const levelWidth = Math.max(...grid.levels.map((level) => String(level).length));
  const lines: string[] = [];
  for (const track of grid.tracks) {
    if (lines.length) lines.push('');
    lines.push(c.bold.underline(track));
    for (const level of grid.levels) {
      const label = `  level ${String(level).padStart(levelWidth)}  `;
      grid.at(level, track).forEach((role, i) => lines.push(hang(i === 0 ? label : ' '.repeat(label.length), `${c.bold(role.title)} ${c.dim(`(${role.id})`)}`, width)));
    }
  }
  return lines.join('\n');
}
