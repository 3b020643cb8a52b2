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
  const results: ParsedFile[] = new Array(jobs.length);
  const indexed = jobs.map((job, index) => ({ ...job, index }));
  await parseEach(indexed, options, (job, parsed) => (results[job.index] = parsed), progress);
  return results;
}

/**
 * Parses files as `jobs` yields them, telling `parsed` of each (in no set order): a job is taken from
 * `jobs` only when a thread is ready for its batch, so the caller can read files as they are needed and
 * never hold every text at once. Large ladders are spread over worker threads.
 */
export async function parseEach<J extends ParseJob>(jobs: Iterable<J>, options: ParseOptions, parsed: (job: J, result: ParsedFile) => void, progress?: (done: number) => void): Promise<void> {
  let done = 0;
  const deliver = (batch: J[], results: ParsedFile[]) => {
    batch.forEach((job, i) => parsed(job, results[i]!));
    done += batch.length;
    progress?.(done);
  };
  const pending = jobs[Symbol.iterator]();
  const first = taken(pending, PARALLEL_FROM);
  if (first.length < PARALLEL_FROM || !existsSync(workerScript)) {
    const { parseFile } = await import('./parse-file.js');
    for (const job of chained(first, pending)) deliver([job], [await parseFile(job, options)]);
    return;
  }
  const next = batcher(chained(first, pending));
  const { Worker } = await import('node:worker_threads');
  // Each thread takes the next batch until none is left; a worker that dies hands its batches to the main thread.
  const drain = async (): Promise<void> => {
    let worker: Worker | null = new Worker(workerScript, { resourceLimits: WORKER_LIMITS });
    for (let batch = next(); batch.length > 0; batch = next()) {
      const results = worker ? await inWorker(worker, { batch: batch.map(jobOf), options }).catch(() => null) : null;
      if (!results && worker) {
        await worker.terminate();
        worker = null;
      }
      deliver(batch, results ?? (await parseHere(batch, options)));
    }
    await worker?.terminate();
  };
  await Promise.all(Array.from({ length: availableParallelism() }, drain));
}

/** Up to `count` jobs from the front of `jobs`. */
function taken<J>(jobs: Iterator<J>, count: number): J[] {
  const first: J[] = [];
  for (let result = jobs.next(); ; result = jobs.next()) {
    if (result.done) break;
    first.push(result.value);
    if (first.length === count) break;
  }
  return first;
}

/** The jobs already taken, then the rest; each taken one is let go as it is handed on. */
function* chained<J>(first: J[], rest: Iterator<J>): Generator<J> {
  while (first.length > 0) yield first.shift()!;
  for (let result = rest.next(); !result.done; result = rest.next()) yield result.value;
}

/**
 * The next batch each call, in order, an empty one when none is left: at most BATCH files and, past the
 * first file, BATCH_CHARACTERS of text. One job is read ahead, to know whether it fits.
 */
function batcher<J extends ParseJob>(jobs: Iterator<J>): () => J[] {
  let ahead = jobs.next();
  return () => {
    const batch: J[] = [];
    let characters = 0;
    while (!ahead.done && batch.length < BATCH && (batch.length === 0 || characters + ahead.value.text.length <= BATCH_CHARACTERS)) {
      batch.push(ahead.value);
      characters += ahead.value.text.length;
      ahead = jobs.next();
    }
    return batch;
  };
}

/** What a worker needs of a job: the caller's own fields stay behind. */
function jobOf({ file, text, document }: ParseJob): ParseJob {
  return { file, text, ...(document ? { document } : {}) };
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

async function parseHere(jobs: ParseJob[], options: ParseOptions): Promise<ParsedFile[]> {
  const { parseFile } = await import('./parse-file.js');
  const results: ParsedFile[] = [];
  for (const job of jobs) results.push(await parseFile(job, options));
  return results;
}
