// A worker thread's share of the files to parse; see parse-pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { parseRoleFile, type ParsedFile } from './parse-file.js';

const jobs = workerData as { file: string; text: string }[];
const results: ParsedFile[] = [];
for (const job of jobs) results.push(await parseRoleFile(job.file, job.text));
parentPort!.postMessage(results);
