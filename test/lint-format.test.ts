import { beforeAll, describe, expect, it } from 'vitest';
import { loadColour } from '../src/format/paint.js';
import type { LintFormatter } from '../src/format/lint-formats.js';
import { lintOutputs } from '../src/format/outputs.js';
import { toReport } from '../src/lint/engine.js';
import { lintRules } from '../src/lint/rules/index.js';
import type { LintFinding } from '../src/schema/lint-report.js';
import { validateSarif } from './validate-sarif.js';

// Formatters asked for colour expect chalk loaded, as the entry point does when colour is on.
beforeAll(loadColour);

/** Every format of the registry, imported up front. */
const lintFormatters: Record<string, LintFormatter> = Object.fromEntries(
  await Promise.all(Object.entries(lintOutputs.formats).map(async ([name, load]) => [name, await load()] as const)),
);

/** The same findings for every format: awkward characters in messages and paths on purpose. */
const findings: LintFinding[] = [
  {
    ruleId: 'restates-inherited', severity: 'warning', file: 'people/Ingeniera Sénior.md', line: 10, column: 3, fixable: false,
    message: 'Restates "Tests <their> changes, 100% & more: done." inherited from Engineer (ic/engineer.md:8)', related: { file: 'ic/engineer.md', line: 8 },
  },
  { ruleId: 'terminal-punctuation', severity: 'warning', file: 'people/Ingeniera Sénior.md', line: 11, column: 40, fixable: true, message: 'Expected a final "." after "x", found "x".' },
  { ruleId: 'duplicate-section', severity: 'error', file: 'people/director.md', line: 17, column: 1, fixable: false, message: 'Section "Delivery" appears again\nsecond line' },
];
const report = toReport(findings);
const files = ['ic/engineer.md', 'people/Ingeniera Sénior.md', 'people/director.md'];
const options = { color: false, rules: lintRules.map((r) => r.meta), files, version: '1.2.3', base: '', here: '' };

/** What each format must show of the findings above, and of a clean report. */
const expectations: Record<string, { check: (out: string) => void; clean: (out: string) => void }> = {
  stylish: {
    check: (out) => {
      expect(out).toContain('people/Ingeniera Sénior.md\n  10:3   warning  Restates');
      // A message over two lines reads as one paragraph, never with a line at column 0.
      expect(out).toMatch(/\n  17:1   error    Section "Delivery" appears again second line\s+duplicate-section\n/);
      expect(out).toContain('✖ 3 problems (1 error, 2 warnings)\n  1 problem potentially fixable with the `--fix` option.\n');
    },
    clean: (out) => expect(out).toBe(''),
  },
  json: {
    check: (out) => {
      expect(JSON.parse(out)).toEqual({ findings, summary: { errors: 1, warnings: 2, fixable: 1 } });
    },
    clean: (out) => expect(JSON.parse(out)).toEqual({ findings: [], summary: { errors: 0, warnings: 0, fixable: 0 } }),
  },
  github: {
    check: (out) => {
      const lines = out.trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toBe('::warning file=people/Ingeniera Sénior.md,line=10,col=3,title=ladder(restates-inherited)::Restates "Tests <their> changes, 100%25 & more: done." inherited from Engineer (ic/engineer.md:8)');
      expect(lines[2]).toBe('::error file=people/director.md,line=17,col=1,title=ladder(duplicate-section)::Section "Delivery" appears again%0Asecond line');
    },
    clean: (out) => expect(out).toBe(''),
  },
  sarif: {
    check: (out) => {
      const log = JSON.parse(out);
      expect(validateSarif(log)).toEqual([]);
      const [run] = log.runs;
      expect(run.tool.driver).toMatchObject({ name: 'ladder', version: '1.2.3' });
      expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(lintRules.map((r) => r.meta.id));
      expect(run.results).toHaveLength(3);
      expect(run.results[0]).toMatchObject({
        ruleId: 'restates-inherited', level: 'warning',
        locations: [{ physicalLocation: { artifactLocation: { uri: 'people/Ingeniera%20S%C3%A9nior.md' }, region: { startLine: 10, startColumn: 3 } } }],
        relatedLocations: [{ physicalLocation: { artifactLocation: { uri: 'ic/engineer.md' }, region: { startLine: 8 } } }],
      });
      expect(run.tool.driver.rules[run.results[2].ruleIndex].id).toBe('duplicate-section');
    },
    clean: (out) => {
      expect(validateSarif(JSON.parse(out))).toEqual([]);
      // The check can fail: a log without a tool name is not SARIF.
      expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }).length).toBeGreaterThan(0);
      expect(JSON.parse(out).runs[0].results).toEqual([]);
    },
  },
  junit: {
    check: (out) => {
      expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="ladder lint" tests="3" failures="2">/);
      expect(out.match(/<testcase /g)).toHaveLength(3);
      expect(out).toContain('<testcase classname="ladder.lint" name="ic/engineer.md" time="0" />');
      expect(out).toContain('<failure type="lint" message="2 problems">10:3 warning Restates &quot;Tests &lt;their&gt; changes, 100% &amp; more: done.&quot;');
      expect(out).not.toMatch(/<their>|& more/);
    },
    clean: (out) => expect(out).toContain('tests="3" failures="0"'),
  },
};

describe('lint output formats, over the same findings', () => {
  it('has an expectation for every registered format', () => {
    expect(Object.keys(expectations).sort()).toEqual(Object.keys(lintFormatters).sort());
  });

  for (const [name, format] of Object.entries(lintFormatters)) {
    it(`${name}: shows every finding, and a clean run`, () => {
      expectations[name]!.check(format(report, options));
      expectations[name]!.clean(format(toReport([]), options));
    });
  }

  it('github and sarif name files from where the tool runs, so a ladder in a subfolder annotates the right file', () => {
    const nested = { ...options, base: 'docs/ladder' };
    expect(lintFormatters.github!(report, nested).split('\n')[0]).toMatch(/^::warning file=docs\/ladder\/people\/Ingeniera Sénior\.md,line=10,/);
    const [run] = JSON.parse(lintFormatters.sarif!(report, nested)).runs;
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'docs/ladder/people/Ingeniera%20S%C3%A9nior.md', uriBaseId: '%SRCROOT%' });
    expect(run.results[0].relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('docs/ladder/ic/engineer.md');
    // JSON stays relative to the ladder, as every other message is.
    expect(JSON.parse(lintFormatters.json!(report, nested)).findings[0].file).toBe('people/Ingeniera Sénior.md');
  });

  it('stylish names files from the current folder, even above it, so a terminal or an editor opens them', () => {
    expect(lintFormatters.stylish!(report, { ...options, here: 'docs/ladder' }).split('\n')[0]).toBe('docs/ladder/people/Ingeniera Sénior.md');
    expect(lintFormatters.stylish!(report, { ...options, here: '../ladder' }).split('\n')[0]).toBe('../ladder/people/Ingeniera Sénior.md');
  });

  it('stylish colours only when asked to', () => {
    expect(lintFormatters.stylish!(report, options)).not.toMatch(/\u001b\[/);
    expect(lintFormatters.stylish!(report, { ...options, color: true })).toMatch(/\u001b\[31merror/);
  });
});
