import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { at, LadderError } from '../errors.js';
import { roleTitles, type RoleGraph, type RoleNode } from '../graph/build-graph.js';
import { lookUpRole, openLadder, problemLines } from '../ladder/open-ladder.js';
import { resolveRole } from '../resolve/resolve-role.js';
import { forgetShared, sharedRole, type SharedRole } from '../resolve/shared-role.js';
import type { ExportFormat, SiteContext } from '../format/exporters.js';
import { CONFIG_FILE } from '../load/config.js';
import type { LadderConfig } from '../schema/config.js';
import { chosenOutput, exportOutputs } from '../format/outputs.js';
import { plural } from '../format/plural.js';
import type { LadderExport } from '../schema/export.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';
import { refuseForeignFile, refuseInsideLadder, writeSite } from './export-output.js';
import { writeFileAtomic } from '../write/write-atomic.js';

export interface ExportOptions {
  format: string;
  /** A file, a folder (markdown, html), or `-` for stdout. */
  out: string;
  /** Only this role. */
  role?: string;
  /** Replace files (or pages) that ladder export did not write. */
  force?: boolean;
}

export async function exportCommand(ctx: CommandContext, options: ExportOptions): Promise<CommandResult> {
  const format = chosenOutput(exportOutputs, options);
  const exporter = await exportOutputs.formats[format]();
  if (exporter.output === 'folder' && options.out === '-') {
    throw new LadderError(`--format ${format} writes a folder of pages, not one stream; give --out a folder, such as --out site/`);
  }
  if (exporter.output !== 'folder' && /[\\/]$/.test(options.out)) {
    throw new LadderError(`${options.out}: names a folder, and --format ${format} writes one file; give --out ${options.out}ladder.${extension(format)}`);
  }
  const ladder = await openLadder(locateOptions(ctx));
  const { graph } = ladder;
  const { roles: nodes, skipped } = selectRoles(graph, options.role === undefined ? undefined : lookUpRole(ladder, options.role));
  const head = { version: ctx.version, generatedFrom: shownPath(ctx.cwd, ladder.root) };
  const titles = roleTitles(graph);
  const result = { stdout: '', warnings: [...problemLines(ladder), ...skipped], exitCode: 0 };
  const target = resolve(ctx.cwd, options.out);
  const force = options.force ?? false;
  if (options.out !== '-') refuseInsideLadder(target, ladder.root, options.out);
  let removed: string[] = [];
  if (exporter.output === 'stream') {
    // Each role is resolved as it is written, so only one is held at a time.
    const chunks = exporter.render({ ...head, roles: resolvedInTurn(graph, nodes) }, titles);
    if (options.out === '-') return { ...result, chunks };
    await refuseForeignFile(target, format, '', options.out, force);
    writeFileAtomic(target, chunks);
  } else {
    const data: LadderExport = { ...head, roles: nodes.map((node) => resolveRole(graph, node)) };
    if (exporter.output === 'file') {
      const content = exporter.render(data, titles);
      if (options.out === '-') return { ...result, stdout: content };
      // Rendering no roles gives what every export of this format starts with: the CSV header row.
      await refuseForeignFile(target, format, exporter.render({ ...data, roles: [] }, titles), options.out, force);
      writeFileAtomic(target, content);
    } else {
      removed = writeSite(target, options.out, exporter.render(data, titles, siteContext(ladder.root, ladder.config)), format, ladder.root, force);
    }
  }
  const removals = removed.map((page) => `removed ${page}: its role is no longer in the export\n`).join('');
  return { ...result, stdout: `wrote ${plural(nodes.length, 'role')} as ${format} to ${options.out}\n${removals}` };
}

/**
 * Each role resolved as its turn comes. Once a role and every role below it are written, what resolving
 * kept of it is let go (and with it the encoded parts the JSON export keeps for its descendants): the
 * stream then holds the chains still being written, not the whole ladder resolved.
 */
function* resolvedInTurn(graph: RoleGraph, nodes: RoleNode[]): Generator<SharedRole> {
  const waiting = rolesWaiting(graph, nodes);
  for (const node of nodes) {
    yield sharedRole(graph, node);
    // Back here, the role is written: walk up while a role has nothing left to wait for.
    for (let done: RoleNode | undefined = node; done && countDown(waiting, done); ) {
      forgetShared(done);
      done = done.parentId === null ? undefined : graph.roles.get(done.parentId);
    }
  }
}

/** For each role to write: itself and its children to write, each of which must be written before it is let go. */
function rolesWaiting(graph: RoleGraph, nodes: RoleNode[]): Map<RoleNode, number> {
  const waiting = new Map<RoleNode, number>(nodes.map((node) => [node, 1]));
  for (const node of nodes) {
    const parent = node.parentId === null ? undefined : graph.roles.get(node.parentId);
    if (parent && waiting.has(parent)) waiting.set(parent, waiting.get(parent)! + 1);
  }
  return waiting;
}

/** One less to wait for; true when that was the last. */
function countDown(waiting: Map<RoleNode, number>, node: RoleNode): boolean {
  const left = waiting.get(node);
  if (left === undefined) return false;
  if (left > 1) waiting.set(node, left - 1);
  else waiting.delete(node);
  return left === 1;
}

function extension(format: ExportFormat): string {
  return format === 'markdown' ? 'md' : format;
}

/**
 * The named role (its chain must be intact), or every role whose chain is intact, with a warning for each
 * role left out: a defect in one corner of the ladder should not block exporting the rest.
 */
function selectRoles(graph: RoleGraph, only: RoleNode | undefined): { roles: RoleNode[]; skipped: string[] } {
  if (only) {
    sharedRole(graph, only); // throws for a broken chain, before anything is written
    return { roles: [only], skipped: [] };
  }
  const roles: RoleNode[] = [];
  const skipped: string[] = [];
  for (const node of graph.roles.values()) {
    const broken = graph.broken.get(node.id);
    if (broken) {
      skipped.push(at(node.file, node.titleLine, `role "${node.id}" not exported: its inheritance chain is broken at ${broken.file}:${broken.line}`));
    } else {
      roles.push(node);
    }
  }
  return { roles, skipped };
}

/** The site's title, intro and track names: from ladder.yaml's `site:`, the intro from its file or the README. */
function siteContext(root: string, config: LadderConfig): SiteContext {
  const { title, intro, tracks } = config.site ?? {};
  return {
    folder: basename(root),
    ...(title !== undefined ? { title } : {}),
    ...(tracks !== undefined ? { tracks } : {}),
    ...introOf(root, intro),
  };
}

/** The named intro file, which must exist; else README.md (or readme.md) when the ladder has one. */
function introOf(root: string, named: string | undefined): { intro?: string } {
  for (const file of named === undefined ? ['README.md', 'readme.md'] : [named]) {
    try {
      return { intro: readFileSync(join(root, file), 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (named !== undefined) throw new LadderError(`${CONFIG_FILE}: site.intro names ${named}, which cannot be read (${code}); give a Markdown file relative to ${root}`);
      if (code !== 'ENOENT') throw new LadderError(`${join(root, file)}: cannot read (${code}); check its permissions`);
    }
  }
  return {};
}

/** Where the ladder was read from, stable across runs: relative to where ladder ran, absolute when outside it. */
function shownPath(cwd: string, root: string): string {
  const path = relative(cwd, root);
  if (path === '') return '.';
  if (path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return root;
  return path.split(sep).join('/');
}
