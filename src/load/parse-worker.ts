// A parse worker: takes batches of files from the main thread and sends back each batch parsed.
import { parentPort } from 'node:worker_threads';
import { parseFile, type ParsedFile } from './parse-file.js';
import type { ParseMessage } from './parse-pool.js';

parentPort!.on('message', async ({ batch, options }: ParseMessage) => {
  const results: ParsedFile[] = [];
  for (const job of batch) results.push(await parseFile(job, options));
  parentPort!.postMessage(results);
});
