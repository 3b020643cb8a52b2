import type { LintReport } from '../schema/lint-report.js';
import type { LintFormatOptions } from './lint-formats.js';
import { fromRunFolder } from './run-folder.js';

/**
 * SARIF 2.1.0, the format code scanning reads: one run, the rules as descriptors (from the rule list),
 * one result per finding with its place, and the restated expectation as a related location.
 * Paths are relative to where the tool runs (uriBaseId %SRCROOT%, the repository's top folder in CI, as
 * code scanning expects), percent-encoded as URIs must be.
 */
export function formatLintSarif(report: LintReport, { rules, version, base }: Pick<LintFormatOptions, 'rules' | 'version' | 'base'>): string {
  const location = (file: string, region: { startLine: number; startColumn?: number }) => ({
    physicalLocation: { artifactLocation: { uri: encodeURI(fromRunFolder(base, file)), uriBaseId: '%SRCROOT%' }, region },
  });
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ladder',
            version,
            informationUri: 'https://github.com/ladder/ladder',
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              // A rule that is off unless configured is described as disabled; SARIF has no level "off".
              defaultConfiguration: rule.severity === 'off' ? { enabled: false } : { level: rule.severity },
              properties: { fixable: rule.fixable },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => ({
          ruleId: f.ruleId,
          ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
          level: f.severity,
          message: { text: f.message },
          locations: [location(f.file, { startLine: f.line, startColumn: f.column })],
          ...(f.related ? { relatedLocations: [{ id: 1, ...location(f.related.file, { startLine: f.related.line }), message: { text: 'the place the message refers to' } }] } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
