import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const bundledLadder = join(repoRoot, 'ladder');
export const fixture = (...parts: string[]) => join(repoRoot, 'test', 'fixtures', ...parts);

/** Writes an inline file tree (`{'makers/senior.md': '…'}`) into a fresh temporary folder. */
export function writeTree(tree: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'ladder-test-'));
  for (const [file, content] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  return root;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Where a run starts unless told otherwise: a folder with no ladder around it. */
export const emptyFolder = mkdtempSync(join(tmpdir(), 'ladder-cwd-'));

/** Runs the built binary as a user would, in a folder with no ladder of its own unless given. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliRun {
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'ladder.js'), ...args], {
    cwd: options.cwd ?? emptyFolder,
    env: { PATH: process.env.PATH, ...options.env },
    encoding: 'utf8',
    input: options.input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A minimal valid role file. */
export function role(title: string, parent: string | null, sections: Record<string, string[]> = { Delivery: [`Does ${title} work.`] }): string {
  const lines = [title, '-'.repeat(Math.max(3, title.length))];
  if (parent) lines.push(`(Inherits the role expectations of ${/^[aeiou]/i.test(parent) ? 'an' : 'a'} ${parent})`);
  lines.push('', '### Role description', `${title} role.`, '');
  for (const [section, items] of Object.entries(sections)) {
    lines.push(`### ${section}`, ...items.map((item) => `* ${item}`), '');
  }
  return lines.join('\n');
}

/** What git needs in a test: a fixed author, no user or system settings. */
export const gitEnv: Record<string, string> = {
  PATH: process.env.PATH!,
  HOME: '/nonexistent',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

/** The text of a streamed output, whose pieces may be text or UTF-8 bytes. */
export function streamedText(pieces: Iterable<string | Uint8Array>): string {
  return Buffer.concat([...pieces].map((piece) => (typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece))).toString('utf8');
}
