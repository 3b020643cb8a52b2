import type { ResolvedExpectation } from '../schema/role.js';
import type { SharedChain, SharedList, SharedRole, SharedSection } from '../resolve/shared-role.js';
import type { StreamedExport } from './exporters.js';

/**
 * `{ version, generatedFrom, roles }`, each role exactly as `show --json` prints it, that is as
 * `JSON.stringify(…, null, 2)` would indent it at its place, written a role at a time so an export that runs
 * to gigabytes (a chain thousands of roles deep lists every inherited expectation in every role) never has to
 * fit in one string.
 */
export function* exportJson(data: StreamedExport): Generator<string> {
  const { roles, ...head } = data;
  const opening = JSON.stringify({ ...head, roles: [] }, null, 2);
  // `"roles": []` closes the head; each role goes between its brackets, indented two levels.
  yield opening.slice(0, -'[]\n}'.length) + '[';
  let first = true;
  for (const role of roles) {
    yield `${first ? '' : ','}\n${pad(ROLE)}${roleJson(role)}`;
    first = false;
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

/** Where each part sits in the export: `roles[i]` is two levels deep, its chain's ids and sections one more. */
const ROLE = 2;
const SECTION = ROLE + 2;
const EXPECTATION = SECTION + 2;

/**
 * A role's text, built by concatenation only: its chain and its sections' expectation lists are texts made
 * once per shared list (see `sharedRole`) and joined onto the parent's by `+`, which copies nothing, so a
 * role costs what it adds and the only full copy of an inherited list is the one written out.
 */
function roleJson(role: SharedRole): string {
  const { chain, sections, ...fields } = role;
  const { description, ...summary } = fields;
  return objectJson(ROLE, [
    ...entries(summary, ROLE),
    ['chain', arrayJson(ROLE + 1, chainText(chain))],
    ...entries({ description }, ROLE),
    ['sections', arrayJson(ROLE + 1, sections.length === 0 ? '' : sectionsText(sections))],
  ]);
}

function sectionsText(sections: readonly SharedSection[]): string {
  let text = '';
  for (const [i, section] of sections.entries()) {
    const json = objectJson(SECTION, [
      ...entries({ id: section.id, title: section.title }, SECTION),
      ['expectations', arrayJson(SECTION + 1, itemsText(section.expectations))],
      ...entries({ examples: section.examples }, SECTION),
    ]);
    text += i === 0 ? json : `,\n${pad(SECTION)}${json}`;
  }
  return text;
}

/** Each field as JSON.stringify would write it, at depth `depth` + 1; undefined ones left out, as it does. */
function entries(fields: object, depth: number): [string, string][] {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [key, indent(JSON.stringify(value, null, 2), depth + 1)]);
}

/** An object at `depth` from its fields' texts. With `+`, not join(): join would copy every shared text. */
function objectJson(depth: number, fields: [string, string][]): string {
  let text = '{';
  for (const [i, [key, value]] of fields.entries()) text += `${i === 0 ? '' : ','}\n${pad(depth + 1)}${JSON.stringify(key)}: ${value}`;
  return `${text}\n${pad(depth)}}`;
}

/** An array at `depth` from its items' text (items at `depth` + 1, separated), `[]` when empty. */
function arrayJson(depth: number, items: string): string {
  return items === '' ? '[]' : `[\n${pad(depth + 1)}${items}\n${pad(depth)}]`;
}

const chainTexts = new WeakMap<SharedChain, string>();

/** Self first, then the parent's chain text, made once per role and shared by its descendants. */
function chainText(chain: SharedChain): string {
  const pending: SharedChain[] = [];
  let link: SharedChain | undefined = chain;
  while (link && !chainTexts.has(link)) {
    pending.push(link);
    link = link.parent;
  }
  let text = link ? chainTexts.get(link) : undefined;
  for (let i = pending.length - 1; i >= 0; i--) {
    const id = JSON.stringify(pending[i]!.id);
    text = text === undefined ? id : `${id},\n${pad(ROLE + 2)}${text}`;
    chainTexts.set(pending[i]!, text);
  }
  return text!;
}

const itemTexts = new WeakMap<SharedList<ResolvedExpectation>, string>();

/** The expectations of a list, base first, as array items at their depth: made once per list and shared. */
function itemsText(list: SharedList<ResolvedExpectation>): string {
  const pending: SharedList<ResolvedExpectation>[] = [];
  let part: SharedList<ResolvedExpectation> | undefined = list;
  while (part && !itemTexts.has(part)) {
    pending.push(part);
    part = part.base;
  }
  let text = part ? itemTexts.get(part)! : '';
  const separator = `,\n${pad(EXPECTATION)}`;
  for (let i = pending.length - 1; i >= 0; i--) {
    for (const expectation of pending[i]!.items) {
      const json = indent(JSON.stringify(expectation, null, 2), EXPECTATION);
      text = text === '' ? json : text + separator + json;
    }
    itemTexts.set(pending[i]!, text);
  }
  return text;
}

function pad(depth: number): string {
  return '  '.repeat(depth);
}

/** Indents every line but the first by `depth` two-space levels: the first goes where the caller puts it. */
function indent(json: string, depth: number): string {
  return json.replace(/\n/g, `\n${pad(depth)}`);
}
