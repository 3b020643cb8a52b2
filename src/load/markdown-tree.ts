import type { Root } from 'mdast';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { parse, postprocess, preprocess } from 'micromark';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';

/**
 * Markdown to the same mdast tree remark-parse builds, from the same micromark events, by a compiler of
 * our own. Why: mdast-util-from-markdown's generic compiler was the top self-time function of a cold
 * `lint` (about a third of the parse), since for every event it copies an 8-field context object to call
 * the handler. This one keeps its state in one object and looks the handler up by event type: cold `lint`
 * on 1,000 roles took 22% less CPU.
 *
 * It builds only the constructs role files use. On anything else (definitions, references, images) it
 * returns `undefined` rather than guess, and the caller parses that file with remark-parse.
 * test/markdown-tree.test.ts checks the trees deep-equal remark's on every fixture and on random text.
 */
export function lightMarkdownTree(markdown: string): Root | undefined {
  const events = postprocess(parse().document().write(preprocess()(markdown, undefined, true)));
  return new TreeBuilder().build(withListItems(events));
}

type Event = ReturnType<typeof postprocess>[number];
type Token = Event[1] & { _spread?: boolean };
type Point = { line: number; column: number; offset: number };

/** A node under construction: an mdast node, or a `fragment` collecting the text of a field such as a URL. */
interface Built {
  type: string;
  children?: Built[];
  value?: string;
  position?: { start: Point; end?: Point };
  [field: string]: unknown;
}

type Handler = (builder: TreeBuilder, token: Token) => void;

/** Types whose line endings are kept as text, as in mdast-util-from-markdown. */
const KEEPS_LINE_ENDINGS = new Set(['emphasis', 'fragment', 'heading', 'paragraph', 'strong']);

class TreeBuilder {
  readonly stack: Built[] = [];
  /** Set when an event needs a construct this compiler does not build: the caller falls back to remark. */
  declined = false;
  private context: Event[2] | undefined;
  expectingListStart = false;
  insideFencedCode = false;
  slurpSetextLineEnding = false;
  atHardBreak = false;
  referenceRadix: number | undefined;
  inReference = false;

  build(events: Event[]): Root | undefined {
    const root: Built = { type: 'root', children: [], position: undefined };
    this.stack.push(root);
    for (const [kind, token, context] of events) {
      const handler = (kind === 'enter' ? ENTER : EXIT).get(token.type);
      if (handler === undefined) continue;
      this.context = context;
      handler(this, token);
      if (this.declined) return undefined;
    }
    const first = events.length > 0 ? events[0]![1].start : { line: 1, column: 1, offset: 0 };
    const last = events.length > 0 ? events[events.length - 2]![1].end : { line: 1, column: 1, offset: 0 };
    root.position = { start: point(first), end: point(last) };
    return root as unknown as Root;
  }

  text(token: Token): string {
    return this.context!.sliceSerialize(token);
  }

  top(): Built {
    return this.stack[this.stack.length - 1]!;
  }

  open(node: Built, token: Token): void {
    this.top().children!.push(node);
    this.stack.push(node);
    node.position = { start: point(token.start), end: undefined };
  }

  close(token: Token): void {
    this.stack.pop()!.position!.end = point(token.end);
  }

  /** Collects the text of a field (a URL, a code block's value) until `resume`. */
  buffer(): void {
    this.stack.push({ type: 'fragment', children: [] });
  }

  resume(): string {
    return this.stack.pop()!.children!.map((child) => child.value).join('');
  }

  /** Text continues the last text node of its parent, or starts one. */
  enterData(token: Token): void {
    const siblings = this.top().children!;
    let tail = siblings[siblings.length - 1];
    if (tail?.type !== 'text') {
      tail = { type: 'text', value: '', position: { start: point(token.start), end: undefined } };
      siblings.push(tail);
    }
    this.stack.push(tail);
  }

  exitData(token: Token): void {
    const tail = this.stack.pop()!;
    tail.value += this.text(token);
    tail.position!.end = point(token.end);
  }
}

function point(at: Point): Point {
  return { line: at.line, column: at.column, offset: at.offset };
}

const decline: Handler = (builder) => {
  builder.declined = true;
};
const enterData: Handler = (builder, token) => builder.enterData(token);
const exitData: Handler = (builder, token) => builder.exitData(token);
const buffer: Handler = (builder) => builder.buffer();
const close: Handler = (builder, token) => builder.close(token);

/** Opens a node made by `create`, then runs `and` (usually a buffer for the node's text). */
function opener(create: (token: Token) => Built, and?: Handler): Handler {
  return (builder, token) => {
    builder.open(create(token), token);
    and?.(builder, token);
  };
}

/** Runs `and` on the open node, then closes it. */
function closer(and: Handler): Handler {
  return (builder, token) => {
    and(builder, token);
    builder.close(token);
  };
}

/** Sets a field of the open node from the text collected since the matching `buffer`. */
function field(name: string, clean: (text: string) => string = (text) => text): Handler {
  return (builder) => {
    const value = clean(builder.resume());
    builder.top()[name] = value;
  };
}

/** A map, not an object: a token type must never find a handler on `Object.prototype`. */
function handlers(table: Record<string, Handler>): Map<string, Handler> {
  return new Map(Object.entries(table));
}

const parent = (type: string) => () => ({ type, children: [], position: undefined });
const heading = () => ({ type: 'heading', depth: 0, children: [], position: undefined });
const code = () => ({ type: 'code', lang: null, meta: null, value: '', position: undefined });
const withValue = (type: string) => () => ({ type, value: '', position: undefined });
const link = () => ({ type: 'link', title: null, url: '', children: [], position: undefined });
const list = (token: Token) => ({ type: 'list', ordered: token.type === 'listOrdered', start: null, spread: token._spread, children: [], position: undefined });
const listItem = (token: Token) => ({ type: 'listItem', spread: token._spread, checked: null, children: [], position: undefined });
const leaf = (type: string) => () => ({ type, position: undefined });

const ENTER = handlers({
  autolink: opener(link),
  autolinkProtocol: enterData,
  autolinkEmail: enterData,
  atxHeading: opener(heading),
  blockQuote: opener(parent('blockquote')),
  characterEscape: enterData,
  characterReference: enterData,
  codeFenced: opener(code),
  codeFencedFenceInfo: buffer,
  codeFencedFenceMeta: buffer,
  codeIndented: opener(code, buffer),
  codeText: opener(withValue('inlineCode'), buffer),
  codeTextData: enterData,
  data: enterData,
  codeFlowValue: enterData,
  definition: decline,
  emphasis: opener(parent('emphasis')),
  hardBreakEscape: opener(leaf('break')),
  hardBreakTrailing: opener(leaf('break')),
  htmlFlow: opener(withValue('html'), buffer),
  htmlFlowData: enterData,
  htmlText: opener(withValue('html'), buffer),
  htmlTextData: enterData,
  image: decline,
  label: buffer,
  link: opener(link),
  listItem: opener(listItem),
  listItemValue: (builder, token) => {
    if (!builder.expectingListStart) return;
    builder.stack[builder.stack.length - 2]!.start = Number.parseInt(builder.text(token), 10);
    builder.expectingListStart = false;
  },
  listOrdered: opener(list, (builder) => {
    builder.expectingListStart = true;
  }),
  listUnordered: opener(list),
  paragraph: opener(parent('paragraph')),
  reference: decline,
  resourceDestinationString: buffer,
  resourceTitleString: buffer,
  setextHeading: opener(heading),
  strong: opener(parent('strong')),
  thematicBreak: opener(leaf('thematicBreak')),
});

const EXIT = handlers({
  atxHeading: close,
  atxHeadingSequence: (builder, token) => {
    const node = builder.top();
    if (!node.depth) node.depth = builder.text(token).length;
  },
  autolink: close,
  autolinkEmail: (builder, token) => {
    builder.exitData(token);
    builder.top().url = 'mailto:' + builder.text(token);
  },
  autolinkProtocol: (builder, token) => {
    builder.exitData(token);
    builder.top().url = builder.text(token);
  },
  blockQuote: close,
  characterEscapeValue: exitData,
  characterReferenceMarkerHexadecimal: (builder) => {
    builder.referenceRadix = 16;
  },
  characterReferenceMarkerNumeric: (builder) => {
    builder.referenceRadix = 10;
  },
  characterReferenceValue: (builder, token) => {
    const text = builder.text(token);
    const value = builder.referenceRadix ? decodeNumericCharacterReference(text, builder.referenceRadix) : decodeNamedCharacterReference(text);
    builder.referenceRadix = undefined;
    if (value === false) builder.declined = true;
    else builder.top().value += value;
  },
  // Closes the text node `enterData` opened for the reference.
  characterReference: close,
  codeFenced: closer((builder, token) => {
    field('value', (text) => text.replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, ''))(builder, token);
    builder.insideFencedCode = false;
  }),
  // The opening fence ends where the code's text starts; the closing fence must not start it again.
  codeFencedFence: (builder) => {
    if (builder.insideFencedCode) return;
    builder.buffer();
    builder.insideFencedCode = true;
  },
  codeFencedFenceInfo: field('lang'),
  codeFencedFenceMeta: field('meta'),
  codeFlowValue: exitData,
  codeIndented: closer(field('value', (text) => text.replace(/(\r?\n|\r)$/g, ''))),
  codeText: closer(field('value')),
  codeTextData: exitData,
  data: exitData,
  emphasis: close,
  hardBreakEscape: closer((builder) => {
    builder.atHardBreak = true;
  }),
  hardBreakTrailing: closer((builder) => {
    builder.atHardBreak = true;
  }),
  htmlFlow: closer(field('value')),
  htmlFlowData: exitData,
  htmlText: closer(field('value')),
  htmlTextData: exitData,
  // A link's text is built in a fragment; a label with no resource after it is a reference.
  label: (builder) => {
    const fragment = builder.stack.pop()!;
    builder.top().children = fragment.children;
    builder.inReference = true;
  },
  lineEnding: (builder, token) => {
    const node = builder.top();
    if (builder.atHardBreak) {
      node.children![node.children!.length - 1]!.position!.end = point(token.end);
      builder.atHardBreak = false;
    } else if (!builder.slurpSetextLineEnding && KEEPS_LINE_ENDINGS.has(node.type)) {
      builder.enterData(token);
      builder.exitData(token);
    }
  },
  link: (builder, token) => {
    if (builder.inReference) builder.declined = true;
    else builder.close(token);
  },
  listItem: close,
  listOrdered: close,
  listUnordered: close,
  paragraph: close,
  resourceDestinationString: field('url'),
  resourceTitleString: field('title'),
  resource: (builder) => {
    builder.inReference = false;
  },
  setextHeading: closer((builder) => {
    builder.slurpSetextLineEnding = false;
  }),
  setextHeadingLineSequence: (builder, token) => {
    builder.top().depth = builder.text(token).codePointAt(0) === 61 ? 1 : 2;
  },
  setextHeadingText: (builder) => {
    builder.slurpSetextLineEnding = true;
  },
  strong: close,
  thematicBreak: close,
});

/**
 * micromark marks list item prefixes but not list items: like mdast-util-from-markdown, insert a
 * `listItem` enter and exit around each item, end it before its trailing blank lines, and work out which
 * items and lists are spread (loose). Ported as is from there, since `spread` and item positions must match.
 */
function withListItems(events: Event[]): Event[] {
  const prepared: Event[] = [];
  const lists: number[] = [];
  for (const event of events) {
    prepared.push(event);
    if (event[1].type !== 'listOrdered' && event[1].type !== 'listUnordered') continue;
    if (event[0] === 'enter') lists.push(prepared.length - 1);
    else prepareList(prepared, lists.pop()!);
  }
  return prepared;
}

const LIST_PREFIX_PARTS = new Set(['linePrefix', 'listItemValue', 'listItemMarker', 'listItemPrefix', 'listItemPrefixWhitespace']);
const BEFORE_LINE_ENDING = new Set(['linePrefix', 'blockQuotePrefix', 'blockQuotePrefixWhitespace', 'blockQuoteMarker', 'listItemIndent']);
const isList = (token: Token) => token.type === 'listUnordered' || token.type === 'listOrdered';

/** The list entered at `start` is last in `events`, so inserting item events shifts nothing after it. */
function prepareList(events: Event[], start: number): void {
  let containerBalance = -1;
  let listSpread = false;
  let listItem: Token | undefined;
  let firstBlankLineIndex: number | undefined;
  let atMarker: boolean | undefined;
  const insertions: { at: number; event: Event }[] = [];
  for (let index = start; index < events.length; index++) {
    const event = events[index]!;
    const token = event[1];
    if (isList(token) || token.type === 'blockQuote') {
      containerBalance += event[0] === 'enter' ? 1 : -1;
      atMarker = undefined;
    } else if (token.type === 'lineEndingBlank') {
      if (event[0] === 'enter') {
        if (listItem && !atMarker && !containerBalance && !firstBlankLineIndex) firstBlankLineIndex = index;
        atMarker = undefined;
      }
    } else if (!LIST_PREFIX_PARTS.has(token.type)) {
      atMarker = undefined;
    }
    const itemStarts = !containerBalance && event[0] === 'enter' && token.type === 'listItemPrefix';
    const listEnds = containerBalance === -1 && event[0] === 'exit' && isList(token);
    if (!itemStarts && !listEnds) continue;
    if (listItem) {
      const lineIndex = trailingLineEnding(events, index);
      if (lineIndex.spread) listSpread = true;
      if (firstBlankLineIndex && (!lineIndex.at || firstBlankLineIndex < lineIndex.at)) listItem._spread = true;
      listItem.end = { ...(lineIndex.at ? events[lineIndex.at]![1].start : token.end) };
      insertions.push({ at: lineIndex.at || index, event: ['exit', listItem, event[2]] });
    }
    if (token.type === 'listItemPrefix') {
      listItem = { type: 'listItem', _spread: false, start: { ...token.start }, end: undefined } as unknown as Token;
      insertions.push({ at: index, event: ['enter', listItem, event[2]] });
      firstBlankLineIndex = undefined;
      atMarker = true;
    }
  }
  const listEvents = events.splice(start);
  let insertion = 0;
  for (const [offset, event] of listEvents.entries()) {
    while (insertion < insertions.length && insertions[insertion]!.at === start + offset) events.push(insertions[insertion++]!.event);
    events.push(event);
  }
  events[start]![1]._spread = listSpread;
}

/**
 * Walks back from an item's end over line endings and prefixes: the item ends at the first of its
 * trailing line endings, and blank lines between items make the list spread.
 */
function trailingLineEnding(events: Event[], end: number): { at: number | undefined; spread: boolean } {
  let at: number | undefined;
  let spread = false;
  for (let index = end - 1; index >= 0; index--) {
    const event = events[index]!;
    const type = event[1].type;
    if (type === 'lineEnding' || type === 'lineEndingBlank') {
      if (event[0] === 'exit') continue;
      if (at) {
        events[at]![1].type = 'lineEndingBlank';
        spread = true;
      }
      event[1].type = 'lineEnding';
      at = index;
    } else if (!BEFORE_LINE_ENDING.has(type)) {
      break;
    }
  }
  return { at, spread };
}
