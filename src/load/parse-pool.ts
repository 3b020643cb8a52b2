import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ParsedFile } from './parse-file.js';

export interface ParseJob {
  file: string;
  text: string;
}

/**
 * Below this many files a worker's start-up (~50 ms) costs more than it saves: measured on a 2-core
 * machine, a 1,000-role ladder parses in about half the time with one worker beside the main thread,
 * while a 7-role ladder is slower with any.
 */
const PARALLEL_FROM = 200;

/** The compiled worker sits beside the bundle in dist/; when running from source there is none. */
const workerScript = fileURLToPath(new URL('./parse-worker.js', import.meta.url));

/** Parses files in order, spreading large batches over the machine's cores. */
export async function parseFiles(jobs: ParseJob[]): Promise<ParsedFile[]> {
  const { parseRoleFile } = await import('./parse-file.js');
  const parseHere = async (batch: ParseJob[]) => {
    const results: ParsedFile[] = [];
    for (const job of batch) results.push(await parseRoleFile(job.file, job.text));
    return results;
  };
  const threads = Math.min(availableParallelism(), Math.floor(jobs.length / (PARALLEL_FROM / 2)));
  if (threads < 2 || !existsSync(workerScript)) return parseHere(jobs);

  const { Worker } = await import('node:worker_threads');
  const size = Math.ceil(jobs.length / threads);
  const batches = Array.from({ length: threads }, (_, i) => jobs.slice(i * size, (i + 1) * size));
  const inWorkers = batches.slice(1).map(
    (batch) =>
      new Promise<ParsedFile[]>((resolve) => {
        const worker = new Worker(workerScript, { workerData: batch });
        worker.once('message', (results: ParsedFile[]) => resolve(results));
        // A worker that dies (out of memory, a crash in the parser) must not lose files: parse them here.
        worker.once('error', () => resolve(parseHere(batch)));
      }),
  );
  const results = [await parseHere(batches[0]!), ...(await Promise.all(inWorkers))];
  return results.flat();
}
