import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { ParsedFile, ParseJob, ParseOptions } from './parse-file.js';

/** What a worker is sent: a batch of files and how to read them. */
export interface ParseMessage {
  batch: ParseJob[];
  options: ParseOptions;
}

/**
 * Measured on a 2-core machine with synthetic ladders: up to a thousand files or two, parsing on the main
 * thread is as fast as any split (a worker's start costs what it saves). Beyond, workers are faster and,
 * more important, keep memory flat: parsing leaves garbage that grows the heap it runs in, and a worker
 * with a small heap collects it early (10,000 roles: 350 MiB peak on the main thread, under 300 in workers).
 */
const PARALLEL_FROM = 2000;
/** Files and characters per message: small enough that a worker's heap holds one batch at a time. */
const BATCH = 250;
const BATCH_CHARACTERS = 2 * 1024 * 1024;
/**
 * A worker holds one batch (at most 2 M characters of text, and what they parse to) and the tree of the
 * file it is parsing (under 64 KB of text, see markdown-limits.ts): a few MiB live. The heap it may grow to
 * is what it holds while it works: 64 + 16 MiB per worker added 40 MiB to the peak of a 10,000-role lint
 * over these limits, for no saving of time. A worker that does run out dies, and its batches are parsed
 * on the main thread.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 };

/** The compiled worker sits beside the bundle in dist/; when running from source there is none. */
const workerScript = fileURLToPath(new URL('./parse-worker.js', import.meta.url));

/** Parses files, in order; large ladders are spread over worker threads. `progress` is told how many are done. */
export async function parseFiles(jobs: ParseJob[], options: ParseOptions = {}, progress?: (done: number) => void): Promise<ParsedFile[]> {
  let done = 0;
  const count = (parsed: ParsedFile[]) => {
    done += parsed.length;
    progress?.(done);
    return parsed;
  };
  if (jobs.length < PARALLEL_FROM || !existsSync(workerScript)) return parseHere(jobs, options, () => progress?.(++done));
  const batches = batchesOf(jobs);
  const results: ParsedFile[][] = new Array(batches.length);
  const { Worker } = await import('node:worker_threads');
  let next = 0;
  // Each thread takes the next batch until none is left; a worker that dies hands its batches to the main thread.
  const drain = async (): Promise<void> => {
    let worker: Worker | null = new Worker(workerScript, { resourceLimits: WORKER_LIMITS });
    while (next < batches.length) {
      const index = next++;
      let parsed: ParsedFile[] | null = null;
      if (worker) {
        parsed = await inWorker(worker, { batch: batches[index]!, options }).catch(() => null);
        if (!parsed) {
          await worker.terminate();
          worker = null;
        }
      }
      results[index] = count(parsed ?? (await parseHere(batches[index]!, options)));
    }
    await worker?.terminate();
  };
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), batches.length) }, drain));
  return results.flat();
}

/** The jobs in order, cut into batches of at most BATCH files and, past the first file, BATCH_CHARACTERS of text. */
function batchesOf(jobs: ParseJob[]): ParseJob[][] {
  const batches: ParseJob[][] = [];
  let batch: ParseJob[] = [];
  let characters = 0;
  for (const job of jobs) {
    if (batch.length === BATCH || (batch.length > 0 && characters + job.text.length > BATCH_CHARACTERS)) {
      batches.push(batch);
      batch = [];
      characters = 0;
    }
    batch.push(job);
    characters += job.text.length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** One batch through a worker; rejects if the worker dies (out of memory, a parser crash). */
function inWorker(worker: Worker, message: ParseMessage): Promise<ParsedFile[]> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      worker.off('message', done);
      reject(error);
    };
    const done = (results: ParsedFile[]) => {
      worker.off('error', fail);
      resolve(results);
    };
    worker.once('message', done);
    worker.once('error', fail);
    worker.postMessage(message);
  });
}

async function parseHere(jobs: ParseJob[], options: ParseOptions, parsedOne?: () => void): Promise<ParsedFile[]> {
  const { parseFile } = await import('./parse-file.js');
  const results: ParsedFile[] = [];
  for (const job of jobs) {
    results.push(await parseFile(job, options));
    parsedOne?.();
  }
  return results;
}
