import type { ResolvedExpectation, ResolvedRole } from '../schema/role.js';
import type { StreamedExport } from './exporters.js';

/**
 * `{ version, generatedFrom, roles }`, each role exactly as `show --json` prints it: the text `formatJson`
 * gives, a role at a time, so an export that runs to gigabytes (a chain thousands of roles deep lists every
 * inherited expectation in every role) never has to fit in one string: one role's text is alive at once.
 */
export function* exportJson(data: StreamedExport): Generator<string> {
  const { roles, ...head } = data;
  const opening = JSON.stringify({ ...head, roles: [] }, null, 2);
  // `"roles": []` closes the head; each role goes between its brackets, indented two levels.
  yield opening.slice(0, -'[]\n}'.length) + '[';
  let first = true;
  for (const role of roles) {
    yield `${first ? '' : ','}\n    ${roleJson(role)}`;
    first = false;
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

/** What a shared expectation looks like at its depth in the export, kept since every descendant repeats it. */
const expectationText = new WeakMap<ResolvedExpectation, string>();

/**
 * A role at depth 2 (`roles[i]`), as JSON.stringify(…, null, 2) would indent it there. Each expectation
 * object is shared by every role that inherits it (see resolveRole), so its text is made once.
 */
function roleJson(role: ResolvedRole): string {
  const sections = role.sections.map((section) => {
    const expectations = section.expectations.map((expectation) => {
      let text = expectationText.get(expectation);
      if (text === undefined) {
        text = indent(JSON.stringify(expectation, null, 2), 6);
        expectationText.set(expectation, text);
      }
      return text;
    });
    return withLastArray(section, 'expectations', expectations, 4);
  });
  return withLastArray(role, 'sections', sections, 2);
}

/**
 * `value` as indented JSON at `depth` levels, its last key (`key`, an array) written from items already
 * formatted at depth + 2. Falls back to JSON.stringify when `key` is not last, so the text is always the same.
 */
function withLastArray<T extends object>(value: T, key: keyof T & string, items: string[], depth: number): string {
  const keys = Object.keys(value);
  if (keys.at(-1) !== key || keys.length < 2) return indent(JSON.stringify(value, null, 2), depth);
  const { [key]: _items, ...rest } = value;
  const head = indent(JSON.stringify(rest, null, 2), depth);
  const pad = ' '.repeat(depth * 2);
  const list = items.length === 0 ? '[]' : `[\n${pad}    ${items.join(`,\n${pad}    `)}\n${pad}  ]`;
  return `${head.slice(0, -`\n${pad}}`.length)},\n${pad}  ${JSON.stringify(key)}: ${list}\n${pad}}`;
}

/** Indents every line but the first by `depth` two-space levels: the first goes where the caller puts it. */
function indent(json: string, depth: number): string {
  return json.replace(/\n/g, `\n${' '.repeat(depth * 2)}`);
}
