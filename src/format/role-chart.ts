import Table from 'cli-table3';
import type { RoleSummary } from '../schema/role.js';
import { paint } from './paint.js';

/** Roles as the picture of a ladder: one column per track, one row per level, lowest level at the bottom. */
export function formatChart(roles: RoleSummary[], { color }: { color: boolean }): string {
  const c = paint(color);
  const tracks = [...new Set(roles.map((r) => r.track))];
  const levels = [...new Set(roles.map((r) => r.level))].sort((a, b) => b - a);
  const table = new Table({
    head: ['level', ...tracks],
    style: { head: color ? ['bold'] : [], border: color ? ['grey'] : [] },
  });
  for (const level of levels) {
    const row = tracks.map((track) =>
      roles
        .filter((r) => r.level === level && r.track === track)
        .map((r) => `${c.bold(r.title)}\n${c.dim(r.id)}`)
        .join('\n'),
    );
    table.push([String(level), ...row]);
  }
  return `${table.toString()}\n${roles.length} roles in ${tracks.length} track${tracks.length === 1 ? '' : 's'}\n`;
}
