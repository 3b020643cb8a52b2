import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTree } from './helpers.js';
import { runMain } from './in-process.js';

const findings = (stdout: string) =>
  (JSON.parse(stdout) as { findings: { file: string; line: number; ruleId: string; fixable: boolean }[] }).findings.map(
    (f) => `${f.file}:${f.line} ${f.ruleId}${f.fixable ? ' (fixable)' : ''}`,
  );

describe('lines lint used to miss', () => {
  const tree = {
    'e.md': 'Engineer\n---\n\n### Craft\n* Asks for help\nReviews code daily.\n* \n* Codes.\n\n\n\n',
    'crlf.md': 'Senior\r\n---\r\n\r\n### Craft\r\n* Leads.\r\n\r\n \r\n',
  };

  it('flags a lost bullet with no period above, an empty bullet and blank lines at the end of a file', async () => {
    const run = await runMain(['--no-cache', '--ladder', writeTree(tree), 'lint', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(findings(run.stdout)).toEqual([
      'crlf.md:6 final-newline (fixable)',
      'crlf.md:7 final-newline (fixable)',
      'crlf.md:7 trailing-whitespace (fixable)',
      'e.md:6 lost-bullet',
      'e.md:7 empty-expectation',
      'e.md:7 trailing-whitespace (fixable)',
      'e.md:9 final-newline (fixable)',
      'e.md:10 final-newline (fixable)',
      'e.md:11 final-newline (fixable)',
    ]);
  });

  it('--fix ends each file with one line ending, in its own style, and leaves nothing fixable', async () => {
    const root = writeTree(tree);
    await runMain(['--no-cache', '--ladder', root, 'lint', '--fix']);
    expect(readFileSync(join(root, 'e.md'), 'utf8')).toBe('Engineer\n---\n\n### Craft\n* Asks for help\nReviews code daily.\n*\n* Codes.\n');
    expect(readFileSync(join(root, 'crlf.md'), 'utf8')).toBe('Senior\r\n---\r\n\r\n### Craft\r\n* Leads.\r\n');
    const again = await runMain(['--no-cache', '--ladder', root, 'lint', '--format', 'json']);
    expect(findings(again.stdout)).toEqual(['e.md:6 lost-bullet', 'e.md:7 empty-expectation']);
  });
});
