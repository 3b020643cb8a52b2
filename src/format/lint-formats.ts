import type { LintReport, LintRuleMeta } from '../schema/lint-report.js';
import type { Outputs } from './outputs.js';

export interface LintFormatOptions {
  color: boolean;
  /** Every rule, for formats that describe them (SARIF). */
  rules: readonly LintRuleMeta[];
  /** Every file linted, clean or not, for formats with one entry per file (JUnit). */
  files: readonly string[];
  /** The version of ladder, recorded by formats that name the tool (SARIF). */
  version: string;
  /**
   * The ladder folder as seen from where the tool runs, `/`-separated, '' when it is that folder. Formats
   * read by GitHub (annotations, SARIF) name files from there, the repository's top folder in CI, so a
   * ladder kept in `docs/ladder/` still annotates the right file.
   */
  base: string;
}

export type LintFormatter = (report: LintReport, options: LintFormatOptions) => string;

/** `ladder lint --format <name>`: every output format, tested together over the same findings. */
export const lintOutputs: Outputs<LintFormatter, 'stylish' | 'json' | 'github' | 'sarif' | 'junit'> = {
  default: 'stylish',
  formats: {
    stylish: async () => (await import('./lint-stylish.js')).formatLintStylish,
    json: async () => (await import('./lint-json.js')).formatLintJson,
    github: async () => (await import('./lint-github.js')).formatLintGithub,
    sarif: async () => (await import('./lint-sarif.js')).formatLintSarif,
    junit: async () => (await import('./lint-junit.js')).formatLintJunit,
  },
};
