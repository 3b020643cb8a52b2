import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Shows `text` through the pager `command` (run by the shell, as git does) on the terminal the program
 * writes to. Resolves false, having written nothing, when the pager is not installed or cannot start, so
 * the caller prints the text itself: a missing pager never fails a command.
 */
export async function page(text: string, command: string, env: Record<string, string | undefined>): Promise<boolean> {
  if (!installed(command.split(/\s+/)[0]!, env.PATH)) return false;
  // Ctrl-C belongs to the pager while it runs; the program waits for it to end instead of dying under it.
  const ignore = () => {};
  process.on('SIGINT', ignore);
  try {
    return await new Promise<boolean>((resolve) => {
      const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env: { LESS: 'FRX', LV: '-c', ...env } });
      child.on('error', () => resolve(false));
      // The reader quit before reading it all (q in less): that is their choice, not an error.
      child.stdin.on('error', () => {});
      // 126 and 127 are the shell's "cannot run" and "not found": nothing was shown.
      child.on('close', (code) => resolve(code !== 126 && code !== 127));
      child.stdin.end(text);
    });
  } finally {
    process.off('SIGINT', ignore);
  }
}

/** Whether the pager's program exists: a path to an executable file, or a name found on PATH. */
function installed(program: string, path = ''): boolean {
  const candidates = program.includes('/') ? [program] : path.split(delimiter).filter(Boolean).map((dir) => join(dir, program));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
