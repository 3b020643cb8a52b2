import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { launchChromium, serveFolder, type StaticServer } from './site.js';

let browser: Browser;
let server: StaticServer;

/** A promotion packet from the bundled ladder, with two pieces of evidence, written where the server serves it. */
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-packet-'));
  const template = runCli(['--example', 'assess', 'senior', '--template'], { cwd: dir }).stdout;
  const id = /^ {2}(\S+): \[\]$/m.exec(template)![1]!;
  writeFileSync(join(dir, 'e.yaml'), template.replace(`  ${id}: []`, `  ${id}:\n    - link: https://example.com/pull/1\n      note: Shipped it.\n`));
  const packet = runCli(['--example', 'assess', 'senior', '--evidence', 'e.yaml', '--format', 'html'], { cwd: dir });
  expect(packet.code).toBe(0);
  writeFileSync(join(dir, 'packet.html'), packet.stdout);
  [browser, server] = await Promise.all([launchChromium(), serveFolder(dir)]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

describe('the promotion packet in Chromium', () => {
  it('renders with no console error, shows the evidence and the gap, and prints to PDF with link addresses', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())));
    page.on('pageerror', (error) => problems.push(error.message));
    const response = await page.goto(`${server.url}packet.html`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('Promotion packet: Senior Engineer → Staff Engineer');
    expect(await page.locator('li.evidenced').count()).toBe(1);
    expect(await page.locator('li.gap').count()).toBeGreaterThan(10);
    await page.emulateMedia({ media: 'print' });
    const after = await page.locator('li.evidenced a').evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://example.com/pull/1');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
  });
});
