import type { Node, YAMLMap } from 'yaml';
import type { ParsedRole, ParsedSection, Problem } from '../../schema/parsed.js';
import { fileRoleId } from '../../text/role-id.js';
import { slug } from '../../text/slug.js';
import { keyAt, parseYaml, placeOf, reportAt, scalarText, textItems, valueAt, type YamlReading } from './yaml-nodes.js';
import type { FrontMatterLevels } from './front-matter-levels-settings.js';

// The reader for ladders that keep their levels as data in front matter (`format: front-matter-levels`), the
// shape of the Monzo progression framework and its forks: a sibling of the default reader,
// src/load/parse-role.ts. A file is one track (named after the file); its front matter lists `topics`, each
// with `content` per `level` holding `criteria` (and `examples`):
//
//     title: Backend
//     topics:
//       - name: technical-skills
//         title: Technical skills
//         content:
//           - level: 1
//             criteria: [Delivers small, well-defined tasks with guidance]
//             examples: [Fixed a flaky test in the payments service]
//
// Each level is a role (`backend-1`, or `backend-senior` with level names), each topic a section of it, each
// criterion an expectation at its own line and column. A level's `examples` for a topic illustrate the level's
// criteria there together, so they are kept as examples of that section at that level, not of one criterion.
// Other keys (`levels`, `path`, `sidebarTitle`, `homepage`…) and the Markdown body are left alone.

/** What a topic holds at one level. */
interface TopicLevel {
  level: number;
  section: ParsedSection;
}

/**
 * The roles of one file's front matter (`yamlText`, the lines between the fences). A file without `topics`
 * holds no levels: that is reported, so it is never silently left out of the ladder.
 */
export async function readFrontMatterLevels(file: string, yamlText: string | null, settings: FrontMatterLevels): Promise<{ roles: ParsedRole[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const noTopics = () => problems.push({ code: 'front-matter', message: 'front matter has no "topics:" list, so no levels are read from it; add topics with criteria per level, or add the file to "ignore:" in ladder.yaml', file, line: 1, column: 1 });
  if (yamlText === null) {
    noTopics();
    return { roles: [], problems };
  }
  const parsed = parseYaml({ yaml: await import('yaml'), lineOffset: 1, file, problems, code: 'front-matter' }, yamlText);
  if (!parsed) return { roles: [], problems };
  const { reading, contents } = parsed;
  if (!reading.yaml.isMap(contents)) {
    reportAt(reading, contents, 'front matter must be a mapping of keys to values');
    return { roles: [], problems };
  }
  const topics = valueAt(reading, contents, 'topics');
  if (!reading.yaml.isSeq(topics)) {
    if (topics === undefined) noTopics();
    else reportAt(reading, topics, '"topics" must be a list of topics, each with a "title" and "content" per level');
    return { roles: [], problems };
  }
  const byTopic = topics.items.flatMap((topic) => topicLevels(reading, topic as Node));
  const declared = Number(scalarText(reading, valueAt(reading, contents, 'levels')));
  const top = Math.max(Number.isInteger(declared) ? declared : 0, ...byTopic.map((found) => found.level));
  const track = fileRoleId(file);
  const title = scalarText(reading, valueAt(reading, contents, 'title')) ?? track;
  const titleKey = keyAt(reading, contents, 'title');
  const titleLine = titleKey?.range ? placeOf(reading, titleKey.range[0]).line : 1;
  const description = scalarText(reading, valueAt(reading, contents, 'description')) ?? '';
  const roles: ParsedRole[] = [];
  for (let level = 1; level <= top; level++) {
    const name = settings.levelNames?.[level - 1];
    const previous = roles.at(-1);
    roles.push({
      id: `${track}-${name ? slug(name) : level}`,
      title: `${title} ${name ?? `level ${level}`}`,
      titleLine,
      file,
      track,
      declaredLevel: level,
      aliases: [],
      parent: settings.inherit === 'previous' && previous ? { name: previous.id, line: titleLine, column: 1 } : null,
      description,
      sections: byTopic.filter((found) => found.level === level).map((found) => found.section),
      strayExpectations: [],
    });
  }
  return { roles, problems };
}

/** A topic's sections, one per level it has content at; a malformed topic or level entry is reported and skipped. */
function topicLevels(reading: YamlReading, topic: Node): TopicLevel[] {
  const { yaml } = reading;
  if (!yaml.isMap(topic)) {
    reportAt(reading, topic, 'a topic must be a mapping with "title" (or "name") and "content"');
    return [];
  }
  const title = scalarText(reading, valueAt(reading, topic, 'title')) ?? scalarText(reading, valueAt(reading, topic, 'name'));
  if (title === undefined) {
    reportAt(reading, topic, 'topic has no "title" or "name"; give it one, it names the section');
    return [];
  }
  const line = placeOf(reading, topic.range![0]).line;
  const content = valueAt(reading, topic, 'content');
  if (content === undefined) return [];
  if (!yaml.isSeq(content)) {
    reportAt(reading, content, `"content" of topic "${title}" must be a list of levels, each with "level" and "criteria"`);
    return [];
  }
  return content.items.flatMap((entry) => levelEntry(reading, entry as Node, title, line));
}

function levelEntry(reading: YamlReading, entry: Node, title: string, line: number): TopicLevel[] {
  if (!reading.yaml.isMap(entry)) {
    reportAt(reading, entry, `an entry of topic "${title}" must be a mapping with "level" and "criteria"`);
    return [];
  }
  const level = Number(scalarText(reading, valueAt(reading, entry as YAMLMap, 'level')));
  if (!Number.isInteger(level) || level < 1) {
    reportAt(reading, entry, `an entry of topic "${title}" has no "level" number (1, 2, 3…); add one`);
    return [];
  }
  const expectations = textItems(reading, valueAt(reading, entry, 'criteria'), `a criterion of "${title}" at level ${level}`);
  const examples = textItems(reading, valueAt(reading, entry, 'examples'), `an example of "${title}" at level ${level}`).map((example) => example.text);
  if (expectations.length === 0 && examples.length === 0) return [];
  return [{ level, section: { title, line, expectations, ...(examples.length ? { examples } : {}) } }];
}
