import { LadderError, quoted } from '../errors.js';
import type { LadderChanges } from '../schema/changes.js';
import type { AssessReport } from '../schema/evidence.js';
import type { RoleDiff } from '../schema/diff.js';
import type { LadderGraph } from '../schema/graph.js';
import type { LadderHealth } from '../schema/health.js';
import type { LadderMatrix } from '../schema/matrix.js';
import type { LadderSteps } from '../schema/steps.js';
import type { Exporter, ExportFormat } from './exporters.js';
import type { LintFormatter } from './lint-formats.js';

/**
 * One command's outputs: every format it prints, by name, each renderer imported only when its format is
 * asked for, so that starting the program reads the names alone. Commander's `--format` choices, its
 * `--help` and shell completion are all derived from here; `--json` asks for the `json` entry. All of them
 * live in this one module so that startup loads one small file for the names of every command's formats.
 */
export interface Outputs<Render, Name extends string = string> {
  /** What is printed without `--format`; none where `--format` is required. */
  readonly default?: NoInfer<Name>;
  /** In the order `--help` and completion offer them. */
  readonly formats: Readonly<Record<Name, () => Promise<Render>>>;
}

export function outputNames<Name extends string>(outputs: Outputs<unknown, Name>): Name[] {
  return Object.keys(outputs.formats) as Name[];
}

/**
 * The format `--format` and `--json` ask for: `--json` is the `json` entry. The command line refuses the
 * two when they disagree before a command runs (src/cli.ts), since only it knows a default from a choice.
 */
export function chosenOutput<Name extends string>(outputs: Outputs<unknown, Name>, options: { format?: string; json?: boolean }): Name {
  const name = options.json ? 'json' : (options.format ?? outputs.default);
  const known = outputNames(outputs).find((candidate) => candidate === name);
  if (!known) throw new LadderError(name === undefined ? 'no --format given' : `unknown format ${quoted(name)}; use one of ${outputNames(outputs).join(', ')}`);
  return known;
}

/** The renderer of the format `--format` and `--json` ask for, imported now. */
export function loadOutput<Render, Name extends string>(outputs: Outputs<Render, Name>, options: { format?: string; json?: boolean }): Promise<Render> {
  return outputs.formats[chosenOutput(outputs, options)]();
}

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

/** What every rendering of a role-to-role diff may use. */
export interface DiffOutputOptions {
  color: boolean;
  /** Every role's title, to name where an expectation comes from. */
  titles: Map<string, string>;
  /** List kept expectations, not only count them. */
  all?: boolean;
  /** The terminal's columns, for the text format; none when piped. */
  width?: number;
}

export type DiffRenderer = (diff: RoleDiff, options: DiffOutputOptions) => string;

/** `ladder diff --format <name>`. */
export const diffOutputs: Outputs<DiffRenderer, 'text' | 'json' | 'markdown'> = {
  default: 'text',
  formats: {
    text: async () => (await import('./diff-text.js')).formatDiffText,
    json: async () => {
      const { formatJson } = await import('./json.js');
      return (diff, { all }) => formatJson(all ? diff : withoutKeptLists(diff));
    },
    markdown: async () => (await import('./diff-markdown.js')).formatDiffMarkdown,
  },
};

/** Kept expectations are counted in JSON and listed only with --all, to keep the usual output about change. */
function withoutKeptLists(diff: RoleDiff): RoleDiff {
  return { ...diff, sections: diff.sections.map(({ keptExpectations: _, ...section }) => section) };
}

export type ChangesRenderer = (changes: LadderChanges, options: { color: boolean; width?: number }) => string;

/** `ladder changes --format <name>`. */
export const changesOutputs: Outputs<ChangesRenderer, 'text' | 'json' | 'markdown'> = {
  default: 'text',
  formats: {
    text: async () => (await import('./changes-text.js')).formatChangesText,
    json: async () => (await import('./json.js')).formatJson,
    markdown: async () => (await import('./changes-markdown.js')).formatChangesMarkdown,
  },
};

export type HealthRenderer = (health: LadderHealth, options: { color: boolean; width?: number }) => string;

/** `ladder health --format <name>`. */
export const healthOutputs: Outputs<HealthRenderer, 'text' | 'json' | 'markdown'> = {
  default: 'text',
  formats: {
    text: async () => (await import('./health-text.js')).formatHealthText,
    json: async () => (await import('./json.js')).formatJson,
    markdown: async () => (await import('./health-markdown.js')).formatHealthMarkdown,
  },
};

export type GraphRenderer = (graph: LadderGraph) => string;

/** `ladder graph --format <name>`. */
export const graphOutputs: Outputs<GraphRenderer, 'mermaid' | 'dot' | 'json'> = {
  default: 'mermaid',
  formats: {
    mermaid: async () => (await import('./graph-mermaid.js')).formatGraphMermaid,
    dot: async () => (await import('./graph-dot.js')).formatGraphDot,
    json: async () => (await import('./json.js')).formatJson,
  },
};

/**
 * `ladder export --format <name>`. Each format is loaded only when asked for: yaml pulls in the YAML
 * library, html its page layout.
 */
export const exportOutputs: Outputs<Exporter, ExportFormat> = {
  formats: {
    json: async () => ({ output: 'stream', render: (await import('./export-json.js')).exportJson }),
    yaml: async () => ({ output: 'file', render: (await import('./export-yaml.js')).exportYaml }),
    csv: async () => ({ output: 'file', render: (await import('./export-csv.js')).exportCsv }),
    markdown: async () => ({ output: 'folder', render: (await import('./export-markdown.js')).exportMarkdown }),
    html: async () => ({ output: 'folder', render: (await import('./export-html.js')).exportHtml }),
  },
};

export type StepsRenderer = (steps: LadderSteps, options: { color: boolean; width?: number }) => string;

/** `ladder steps --format <name>`. */
export const stepsOutputs: Outputs<StepsRenderer, 'text' | 'markdown' | 'html' | 'csv' | 'json'> = {
  default: 'text',
  formats: {
    text: async () => (await import('./steps-text.js')).formatStepsText,
    markdown: async () => (await import('./steps-markdown.js')).formatStepsMarkdown,
    html: async () => (await import('./steps-html.js')).formatStepsHtml,
    csv: async () => (await import('./steps-csv.js')).formatStepsCsv,
    json: async () => (await import('./json.js')).formatJson,
  },
};

export type MatrixRenderer = (matrix: LadderMatrix, options: { color: boolean; titles: Map<string, string>; width?: number }) => string;

/** `ladder matrix --format <name>`. */
export const matrixOutputs: Outputs<MatrixRenderer, 'text' | 'markdown' | 'html' | 'csv' | 'json'> = {
  default: 'text',
  formats: {
    text: async () => (await import('./matrix-text.js')).formatMatrixText,
    markdown: async () => (await import('./matrix-markdown.js')).formatMatrixMarkdown,
    html: async () => (await import('./matrix-html.js')).formatMatrixHtml,
    csv: async () => (await import('./matrix-csv.js')).formatMatrixCsv,
    json: async () => (await import('./json.js')).formatJson,
  },
};

export type AssessRenderer = (report: AssessReport, options: { color: boolean; width?: number }) => string;

/** `ladder assess --format <name>`: html is a printable promotion packet, markdown one to paste. */
export const assessOutputs: Outputs<AssessRenderer, 'text' | 'markdown' | 'html' | 'json'> = {
  default: 'text',
  formats: {
    text: async () => (await import('./assess-text.js')).formatAssessText,
    markdown: async () => (await import('./assess-markdown.js')).formatAssessMarkdown,
    html: async () => (await import('./assess-html.js')).formatAssessHtml,
    json: async () => (await import('./json.js')).formatJson,
  },
};
