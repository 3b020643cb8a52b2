import { isAbsolute, relative, resolve, sep } from 'node:path';
import { at, LadderError } from '../errors.js';
import { roleTitles, type RoleGraph, type RoleNode } from '../graph/build-graph.js';
import { lookUpRole, openLadder, problemLines } from '../graph/open-ladder.js';
import { resolveRole } from '../resolve/resolve-role.js';
import { exportFormats, exporters, type ExportFormat } from '../format/exporters.js';
import { plural } from '../format/plural.js';
import type { LadderExport } from '../schema/export.js';
import type { ResolvedRole } from '../schema/role.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';
import { writeFileAtomic, writeFolderAtomic } from './write-atomic.js';

export interface ExportOptions {
  format: string;
  /** A file, a folder (markdown, html), or `-` for stdout. */
  out: string;
  /** Only this role. */
  role?: string;
}

export async function exportCommand(ctx: CommandContext, options: ExportOptions): Promise<CommandResult> {
  const format = exportFormat(options.format);
  const exporter = await exporters[format]();
  if (exporter.output === 'folder' && options.out === '-') {
    throw new LadderError(`--format ${format} writes a folder of pages, not one stream; give --out a folder, such as --out site/`);
  }
  if (exporter.output === 'file' && /[\\/]$/.test(options.out)) {
    throw new LadderError(`${options.out}: names a folder, and --format ${format} writes one file; give --out ${options.out}ladder.${extension(format)}`);
  }
  const ladder = await openLadder(locateOptions(ctx));
  const { roles, skipped } = selectRoles(ladder.graph, options.role === undefined ? undefined : lookUpRole(ladder, options.role));
  const data: LadderExport = { version: ctx.version, generatedFrom: shownPath(ctx.cwd, ladder.root), roles };
  const titles = roleTitles(ladder.graph);
  const result = { stdout: '', warnings: [...problemLines(ladder), ...skipped], exitCode: 0 };
  const target = resolve(ctx.cwd, options.out);
  if (exporter.output === 'file') {
    const content = exporter.render(data, titles);
    if (options.out === '-') return { ...result, stdout: content };
    writeFileAtomic(target, content);
  } else {
    writeFolderAtomic(target, exporter.render(data, titles));
  }
  return { ...result, stdout: `wrote ${plural(roles.length, 'role')} as ${format} to ${options.out}\n` };
}

function exportFormat(format: string): ExportFormat {
  const known = exportFormats.find((f) => f === format);
  if (!known) throw new LadderError(`unknown export format "${format}"; use one of ${exportFormats.join(', ')}`);
  return known;
}

function extension(format: ExportFormat): string {
  return format === 'markdown' ? 'md' : format;
}

/**
 * The named role (its chain must be intact), or every role whose chain is intact, with a warning for each
 * role left out: a defect in one corner of the ladder should not block exporting the rest.
 */
function selectRoles(graph: RoleGraph, only: RoleNode | undefined): { roles: ResolvedRole[]; skipped: string[] } {
  if (only) return { roles: [resolveRole(graph, only)], skipped: [] };
  const roles: ResolvedRole[] = [];
  const skipped: string[] = [];
  for (const node of graph.roles.values()) {
    const broken = graph.broken.get(node.id);
    if (broken) {
      skipped.push(at(node.file, node.titleLine, `role "${node.id}" not exported: its inheritance chain is broken at ${broken.file}:${broken.line}`));
    } else {
      roles.push(resolveRole(graph, node));
    }
  }
  return { roles, skipped };
}

/** Where the ladder was read from, stable across runs: relative to where ladder ran, absolute when outside it. */
function shownPath(cwd: string, root: string): string {
  const path = relative(cwd, root);
  if (path === '') return '.';
  if (path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return root;
  return path.split(sep).join('/');
}
