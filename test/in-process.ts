import { main } from '../src/cli.js';
import { emptyFolder, type CliRun } from './helpers.js';

/**
 * Runs the CLI in this process through `main`, as `runCli` runs the binary: same arguments, same result.
 * It starts in the same folder with no ladder around it unless given `cwd`, and the environment is PATH and
 * `env` alone, so no cache, LADDER_DIR or NO_COLOR leaks in from the shell.
 */
export async function runMain(args: string[], options: { cwd?: string; env?: Record<string, string>; isTTY?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => void (stdout += typeof text === 'string' ? text : Buffer.from(text).toString('utf8')),
    stderr: (text) => void (stderr += text),
    cwd: options.cwd ?? emptyFolder,
    env: { PATH: process.env.PATH, ...options.env },
    isTTY: options.isTTY ?? false,
  });
  return { code, stdout, stderr };
}
