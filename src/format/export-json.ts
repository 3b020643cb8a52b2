import type { ResolvedExpectation } from '../schema/role.js';
import type { SharedChain, SharedList, SharedRole, SharedSection } from '../resolve/shared-role.js';
import type { StreamedExport } from './exporters.js';

/**
 * `{ version, generatedFrom, roles }`, each role exactly as `show --json` prints it, that is as
 * `JSON.stringify(…, null, 2)` would indent it at its place, written a role at a time so an export that runs
 * to gigabytes (a chain thousands of roles deep lists every inherited expectation in every role) never has to
 * fit in one string. Each role comes as its UTF-8 bytes.
 */
export function* exportJson(data: StreamedExport): Generator<string | Uint8Array> {
  const { roles, ...head } = data;
  const opening = JSON.stringify({ ...head, roles: [] }, null, 2);
  // `"roles": []` closes the head; each role goes between its brackets, indented two levels.
  yield opening.slice(0, -'[]\n}'.length) + '[';
  let first = true;
  for (const role of roles) {
    const bytes = new Bytes(`${first ? '' : ','}\n${pad(ROLE)}`);
    roleJson(role, bytes);
    yield bytes.done();
    first = false;
  }
  yield first ? ']\n}\n' : '\n  ]\n}\n';
}

/** Where each part sits in the export: `roles[i]` is two levels deep, its chain's ids and sections one more. */
const ROLE = 2;
const SECTION = ROLE + 2;
const EXPECTATION = SECTION + 2;

/**
 * Text and already encoded bytes, in order, made into one piece. What every role inheriting a list shares
 * (an expectation list's part, a chain's link) is encoded once and copied as bytes, so a role costs what it
 * adds and one copy of what it inherits, not a new encoding of it.
 */
class Bytes {
  private readonly parts: Uint8Array[] = [];
  constructor(private text = '') {}

  add(text: string): void {
    this.text += text;
  }

  addBytes(bytes: Uint8Array): void {
    this.flush();
    this.parts.push(bytes);
  }

  done(): Uint8Array {
    this.flush();
    return Buffer.concat(this.parts);
  }

  private flush(): void {
    if (this.text !== '') this.parts.push(Buffer.from(this.text, 'utf8'));
    this.text = '';
  }
}

function roleJson(role: SharedRole, out: Bytes): void {
  const { chain, sections, ...fields } = role;
  const { description, ...summary } = fields;
  out.add(`${opening(summary, ROLE)},\n${pad(ROLE + 1)}"chain": [\n${pad(ROLE + 2)}`);
  for (let link: SharedChain | undefined = chain; link; link = link.parent) out.addBytes(linkBytes(link));
  out.add(`\n${pad(ROLE + 1)}]${more({ description }, ROLE)},\n${pad(ROLE + 1)}"sections": `);
  if (sections.length === 0) out.add('[]');
  else {
    out.add('[');
    for (const [i, section] of sections.entries()) {
      out.add(`${i === 0 ? '' : ','}\n${pad(SECTION)}`);
      sectionJson(section, out);
    }
    out.add(`\n${pad(ROLE + 1)}]`);
  }
  out.add(`\n${pad(ROLE)}}`);
}

function sectionJson(section: SharedSection, out: Bytes): void {
  out.add(`${opening({ id: section.id, title: section.title }, SECTION)},\n${pad(SECTION + 1)}"expectations": `);
  if (section.expectations.length === 0) out.add('[]');
  else {
    out.add(`[\n${pad(EXPECTATION)}`);
    for (const part of partsOf(section.expectations)) out.addBytes(partBytes(part));
    out.add(`\n${pad(SECTION + 1)}]`);
  }
  out.add(`${more({ examples: section.examples }, SECTION)}\n${pad(SECTION)}}`);
}

/** The fields of an object at `depth`, each on its line as JSON.stringify writes it; undefined ones left out, as it does. */
function entries(fields: object, depth: number): string[] {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `\n${pad(depth + 1)}${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), depth + 1)}`);
}

/** An object's first fields, after its opening brace. */
function opening(fields: object, depth: number): string {
  return `{${entries(fields, depth).join(',')}`;
}

/** More fields of an object, after ones already written. */
function more(fields: object, depth: number): string {
  return entries(fields, depth)
    .map((entry) => `,${entry}`)
    .join('');
}

/** The parts of a shared list, base first. */
function partsOf<T>(list: SharedList<T>): SharedList<T>[] {
  const parts: SharedList<T>[] = [];
  for (let part: SharedList<T> | undefined = list; part; part = part.base) parts.push(part);
  return parts.reverse();
}

const partTexts = new WeakMap<SharedList<ResolvedExpectation>, Uint8Array>();

/** A part's own expectations as array items at their depth, after a separator when items come before it. */
function partBytes(part: SharedList<ResolvedExpectation>): Uint8Array {
  let bytes = partTexts.get(part);
  if (bytes) return bytes;
  const separator = `,\n${pad(EXPECTATION)}`;
  const text = part.items.map((expectation) => indent(JSON.stringify(expectation, null, 2), EXPECTATION)).join(separator);
  bytes = Buffer.from(text !== '' && (part.base?.length ?? 0) > 0 ? separator + text : text, 'utf8');
  partTexts.set(part, bytes);
  return bytes;
}

const linkTexts = new WeakMap<SharedChain, Uint8Array>();

/** A chain's id as an array item, followed by a separator when its parent's chain comes after it. */
function linkBytes(link: SharedChain): Uint8Array {
  let bytes = linkTexts.get(link);
  if (bytes) return bytes;
  bytes = Buffer.from(`${JSON.stringify(link.id)}${link.parent ? `,\n${pad(ROLE + 2)}` : ''}`, 'utf8');
  linkTexts.set(link, bytes);
  return bytes;
}

function pad(depth: number): string {
  return '  '.repeat(depth);
}

/** Indents every line but the first by `depth` two-space levels: the first goes where the caller puts it. */
function indent(json: string, depth: number): string {
  return json.replace(/\n/g, `\n${pad(depth)}`);
}
