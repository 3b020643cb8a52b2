import { createReadStream, mkdtempSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { runCli } from '../helpers.js';

/** Debian's Chromium; playwright-core drives it and never downloads a browser of its own. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A headless Chromium; playwright gives every launch a fresh, empty profile folder of its own. The network here reaches nothing but this machine, and
 * without the background-networking flags Chromium stalls on refused connections to its own services.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox', // CI runs as root, where Chromium's sandbox refuses to start
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Runs `ladder export --format html` on a ladder folder, as a user would, into a fresh folder. */
export function exportSite(ladder: string, { cwd }: { cwd?: string } = {}): string {
  const out = join(mkdtempSync(join(tmpdir(), 'ladder-site-')), 'site');
  const run = runCli(['--ladder', ladder, 'export', '--format', 'html', '--out', out], { cwd });
  if (run.code !== 0) throw new Error(`ladder export failed (${run.code}): ${run.stderr}`);
  return out;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.png': 'image/png' };

/** Serves a folder on 127.0.0.1 at a free port, as the simplest static host would: files or 404. */
export async function serveFolder(root: string): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    const inside = file.startsWith(root + sep);
    if (!inside || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections(); // the browser keeps connections alive
        server.close(() => done());
      }),
  };
}
