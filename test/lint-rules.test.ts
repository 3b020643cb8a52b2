import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintRules, type RuleId } from '../src/lint/rules/index.js';
import { articleFor } from '../src/lint/rules/indefinite-article.js';
import { lintLadder } from '../src/lint/engine.js';
import { buildGraph } from '../src/graph/build-graph.js';
import { loadLadder } from '../src/load/load-ladder.js';
import type { LadderConfig } from '../src/schema/config.js';
import { renderJsonSchema } from '../src/schema/json-schemas.js';
import type { LintRule } from '../src/lint/rule.js';
import { bundledLadder, fixture, repoRoot, role, writeTree } from './helpers.js';
import { lintFolder, lintTree } from './lint-helpers.js';

type Tree = Record<string, string | Buffer>;

/** Each rule: a ladder that triggers it (with the `file:line` it must flag) and one that must stay clean. */
const specs: Record<RuleId, { triggers: Tree; flags: string[]; message?: string; clean: Tree; config?: LadderConfig }> = {
  'unknown-parent': {
    triggers: { 'e.md': role('Engineer', null), 's.md': role('Senior', 'Enginer') },
    flags: ['s.md:3'],
    message: 'Unknown parent role "Enginer"; did you mean "Engineer"?',
    clean: { 'e.md': role('Engineer', null), 's.md': role('Senior', 'Engineer') },
  },
  'unrecognised-parent-line': {
    triggers: {
      'e.md': role('Engineer', null),
      's.md': 'Senior\n------\n\nThis role builds on Engineer.\n\n### Craft\n* Mentors.\n',
      'l.md': 'Lead\n----\n\n[Senior](s.md)\n\n### Craft\n* Leads.\n',
    },
    flags: ['l.md:4', 's.md:4'],
    message: '"[Senior](s.md)" reads like a parent line but no phrasing reads it',
    clean: {
      'e.md': 'Engineer\n--------\n\nAn engineer builds on what the team knows and ships it.\n\n### Craft\n* Codes.\n',
      's.md': 'Senior\n------\n\nBuilds on [Engineer](e.md).\n\n### Craft\n* Mentors.\n',
    },
  },
  'inheritance-cycle': {
    triggers: { 'a.md': role('Alpha', 'Beta'), 'b.md': role('Beta', 'Alpha'), 'c.md': role('Gamma', 'Gamma') },
    flags: ['a.md:3', 'b.md:3', 'c.md:3'],
    message: 'Inheritance cycle: Alpha → Beta → Alpha',
    clean: { 'a.md': role('Alpha', null), 'b.md': role('Beta', 'Alpha') },
  },
  'duplicate-role': {
    triggers: { 'a.md': role('Alpha', null), 'b.md': role('Alpha', null) },
    flags: ['b.md:1'],
    message: 'Title "Alpha" is already used by a.md',
    clean: { 'a.md': role('Alpha', null), 'b.md': role('Beta', null) },
  },
  'missing-title': {
    triggers: { 'untitled.md': '(Inherits the role expectations of an Engineer)\n\n### Craft\n* Codes.\n' },
    flags: ['untitled.md:1'],
    clean: { 'notes.md': 'Just some notes, not a role.\n' },
  },
  'front-matter': {
    triggers: { 'x.md': '---\nlevel: high\n---\n# X\n\n### Craft\n* Codes.\n' },
    flags: ['x.md:2'],
    message: 'Front matter: "level"',
    clean: { 'x.md': '---\nlevel: 2\n---\n# X\n\n### Craft\n* Codes.\n' },
  },
  'unreadable-file': {
    triggers: { 'latin1.md': Buffer.from('Ingénieur\n---\n', 'latin1'), 'ok.md': role('Engineer', null) },
    flags: ['latin1.md:1'],
    message: 'Not UTF-8 text',
    clean: { 'utf8.md': role('Ingénieur', null) },
  },
  'empty-role': {
    triggers: { 'a.md': 'Alone\n-----\n\n### Role description\nNothing yet.\n' },
    flags: ['a.md:1'],
    message: 'Role "Alone" has no expectations and no parent',
    clean: { 'e.md': role('Engineer', null), 's.md': 'Senior\n---\n(Inherits the role expectations of an Engineer)\n' },
  },
  'expectation-outside-section': {
    triggers: { 'a.md': 'Engineer\n---\n\n* Ships code.\n\n### Craft\n* Codes.\n' },
    flags: ['a.md:4'],
    message: 'Expectation "Ships code." is not under any "###" section',
    clean: { 'a.md': role('Engineer', null) },
  },
  'empty-section': {
    triggers: { 'a.md': role('Engineer', null, { Hiring: [], Craft: ['Codes.'] }) },
    flags: ['a.md:7'],
    message: 'Section "Hiring" has no expectations',
    clean: { 'a.md': role('Engineer', null, { Hiring: ['Interviews.'], Craft: ['Codes.'] }) },
  },
  'duplicate-section': {
    triggers: { 'a.md': 'Engineer\n---\n\n### Delivery\n* Ships.\n\n### Craft\n* Codes.\n\n### delivery\n* Tests.\n' },
    flags: ['a.md:10'],
    message: 'Section "delivery" appears again (first on line 4)',
    clean: { 'a.md': role('Engineer', null, { Delivery: ['Ships.'], 'Delivery and ops': ['Tests.'] }) },
  },
  'restates-inherited': {
    triggers: {
      'e.md': role('Engineer', null, { Delivery: ['Completes assigned tasks on time and asks for help when blocked.'] }),
      's.md': role('Senior', 'Engineer', { Craft: ['Designs components.'] }),
      't.md': role('Staff', 'Senior', { Delivery: ['Completes assigned tasks on time and asks for help when stuck.'] }),
    },
    flags: ['t.md:9'],
    message: 'Restates "Completes assigned tasks on time and asks for help when blocked." inherited from Engineer (e.md:8)',
    clean: {
      // 0.5 alike, as the bundled Director and VP bullets: an evolution, not a restatement.
      'd.md': role('Director', null, { Team: ['Provides support and coaching to engineering managers.'] }),
      'v.md': role('VP', 'Director', { Team: ['Provides clear expectations, support, and coaching to engineering leaders.'] }),
      // The same words in a role that does not inherit them.
      'o.md': role('Other', null, { Team: ['Provides support and coaching to engineering managers.'] }),
    },
  },
  'duplicate-expectation': {
    triggers: { 'a.md': role('Engineer', null, { Delivery: ['Ships small changes often.'], Craft: ['Codes.', 'Ships small, changes often!'] }) },
    flags: ['a.md:12'],
    message: 'Repeats "Ships small changes often." from line 8 of the same role',
    clean: { 'a.md': role('Engineer', null, { Delivery: ['Ships small changes often.', 'Ships large changes rarely.'] }) },
  },
  'lost-bullet': {
    triggers: {
      'a.md': 'Engineer\n---\n\n### Craft\n* Mentors engineers through code review.\nImproves the team\'s tooling.\n* Codes.\n',
      // No final period above: still two expectations run together as one.
      'b.md': 'Engineer\n---\n\n### Craft\n* Asks for help\nReviews code daily.\n* Codes.\n* Writes **tests**\n**Ships** safely.\n',
    },
    flags: ['a.md:6', 'b.md:6', 'b.md:9'],
    message: 'merges into the item on line 5',
    clean: {
      'a.md': 'Engineer\n---\n\n### Craft\n* Mentors engineers through\n  code review and pairing.\n* Improves the team\'s tooling and\nobservability.\n* Writes code. It is\n  Tested.\n',
      // A line that breaks off (a comma, "the", "with") goes on below, capital or not.
      'b.md': 'Engineer\n---\n\n### Craft\n* Works closely with the\nAPI team.\n* Owns services, dashboards,\nRunbooks and alerts.\n* Pairs with\nDesign on flows.\n',
    },
  },
  'empty-expectation': {
    triggers: { 'a.md': 'Engineer\n---\n\n### Craft\n* Codes.\n* \n-\n\n### Delivery\n\n*\n\n1. Ships.\n2.\n' },
    flags: ['a.md:6', 'a.md:7', 'a.md:11', 'a.md:14'],
    message: 'Bullet has no text, so the role leaves it out',
    clean: {
      'a.md': [
        'Engineer', '---', '', '### Role description', 'A paragraph', '*', '', '### Craft', '* Codes.', '',
        '```', '*', '-', '```', '', '*', '  Text on the next line.', '',
      ].join('\n'),
    },
  },
  'terminal-punctuation': {
    triggers: { 'a.md': role('Engineer', null, { Delivery: ['Breaks projects into milestones', 'Ships `code`'] }) },
    flags: ['a.md:8', 'a.md:9'],
    message: 'Expected a final "." after "Breaks projects into milestones", found "s".',
    clean: { 'a.md': role('Engineer', null, { Delivery: ['Ends with a period.', 'Asks "why?"', 'Leads:', '**Owns it.**', 'Ships (carefully).'] }) },
  },
  'indefinite-article': {
    triggers: {
      'em.md': role('Engineering Manager', null),
      'd.md': 'Director\n---\n(Inherits the role expectations of a Engineering Manager)\n\n### Role description\nAn Director was once an engineering manager.\n\n### Team\n* Leads.\n',
    },
    flags: ['d.md:3', 'd.md:6'],
    message: 'Expected "an" before "Engineering Manager", found "a".',
    clean: {
      'vp.md': role('VP, Engineering', null),
      'u.md': role('Unit Lead', null),
      'e.md': 'Engineer\n---\n\n### Role description\nAn Engineer becomes a VP, Engineering or a Unit Lead, never a Engineering Manager here.\n\n### Craft\n* Codes.\n',
    },
  },
  'trailing-whitespace': {
    triggers: { 'a.md': role('Engineer', null).replace('Engineer role.', 'Engineer role.  \t') },
    flags: ['a.md:5'],
    message: 'Line ends with 3 whitespace characters',
    // Two spaces before a continuing line are a Markdown line break, not a defect.
    clean: { 'a.md': role('Engineer', null).replace('Engineer role.', 'Engineer role,  \nover two lines.') },
  },
  'multiple-blank-lines': {
    triggers: { 'a.md': role('Engineer', null).replace('\n\n### Delivery', '\n\n\n\n### Delivery') },
    flags: ['a.md:7', 'a.md:8'],
    clean: { 'a.md': role('Engineer', null) },
  },
  'final-newline': {
    triggers: { 'a.md': role('Engineer', null).trimEnd(), 'b.md': `${role('Engineer', null)}\n`, 'c.md': `${role('Senior', null)}\n \r\n\n` },
    flags: ['a.md:8', 'b.md:9', 'c.md:9', 'c.md:10', 'c.md:11'],
    clean: { 'a.md': role('Engineer', null), 'b.md': `${role('Senior', null).trimEnd()}\r\n` },
  },
  'track-sections': {
    triggers: {
      'makers/a.md': role('Alpha', null, { Delivery: ['Ships.'], Craft: ['Codes.'] }),
      'makers/b.md': role('Beta', 'Alpha', { Delivery: ['Ships more.'], Craft: ['Codes more.'] }),
      'makers/c.md': role('Gamma', 'Beta', { Delivery: ['Ships most.'] }),
    },
    flags: ['makers/c.md:1'],
    message: 'Role "Gamma" has no "Craft" section, which the other 2 roles of track "makers" all have',
    clean: {
      'makers/a.md': role('Alpha', null, { Delivery: ['Ships.'], Craft: ['Codes.'] }),
      'makers/b.md': role('Beta', 'Alpha', { Delivery: ['Ships more.'] }),
      'managers/c.md': role('Gamma', 'Beta', { Coaching: ['Coaches.'] }),
    },
  },
  'broken-link': {
    triggers: {
      'README.md': '# Ladder\n\n[Engineer](e.md), [Senior](s.md) and [its craft](e.md#craf).\n\n## Roles\n\nSee [the roles](#role).\n',
      'e.md': role('Engineer', null, { Craft: ['Codes.'] }),
    },
    flags: ['README.md:3', 'README.md:3', 'README.md:7'],
    message: 'Link target "s.md" does not exist; did you mean "e.md"?',
    clean: {
      'README.md': [
        '# Ladder',
        '',
        '[Engineer](e.md#craft), [top](#ladder), [spaced](My%20Role.md), [folder](sub/), ![logo](logo.png) and [a definition][def].',
        // Not relative, so not checked: a site, an address, a path from the root of a site or repository.
        '[Site](https://example.com/x.md), [mail](mailto:a@example.com), [root](/docs/x.md).',
        '',
        '[def]: e.md#role-description',
        '',
      ].join('\n'),
      'e.md': role('Engineer', null, { Craft: ['Codes.'] }).replace('Codes.', 'Codes, as [the README](README.md#ladder) says.'),
      'My Role.md': role('My Role', null),
      'sub/notes.txt': '',
      'logo.png': '',
    },
  },
  'unused-inherits-pattern': {
    triggers: {
      'ladder.yaml': 'inherits:\n  patterns:\n    - "Grows from {parent}"\n    - "Extends {parent}"\n',
      'e.md': role('Engineer', null),
      's.md': 'Senior\n------\n\n*Grows from Engineer.*\n\n### Craft\n* Mentors.\n',
    },
    flags: ['ladder.yaml:4'],
    message: 'Inheritance pattern "Extends {parent}" reads no role\'s parent line',
    clean: {
      'e.md': role('Engineer', null),
      's.md': 'Senior\n------\n\nGrows from Engineer.\n\n### Craft\n* Mentors.\n',
      'l.md': 'Lead\n----\n\n(Extends a Senior)\n\n### Craft\n* Leads.\n',
    },
    config: { inherits: { patterns: ['Grows from {parent}', 'Extends {parent}'] } },
  },
  'inherits-title-mismatch': {
    triggers: {
      'manager.md': role('Engineering Manager', null),
      'director.md': role('Director', 'engineering manager'),
    },
    flags: ['director.md:3'],
    message: 'Expected the exact title of the parent role, "Engineering Manager", found "engineering manager".',
    clean: {
      'manager.md': '---\naliases: [Boss]\n---\n' + role('Engineering Manager', null),
      'director.md': role('Director', 'Engineering Manager'),
      // Named exactly by id or alias, by a link to the file, or in front matter: each a deliberate choice.
      'vp.md': role('VP', 'director'),
      'lead.md': role('Lead', 'Boss'),
      'cto.md': 'CTO\n---\n(Inherits the role expectations of a [VP](vp.md))\n\n### Craft\n* Codes.\n',
      'ceo.md': '---\ninherits: cto\n---\n' + role('CEO', null),
    },
  },
  'loose-parent': {
    triggers: {
      'pe.md': role('Principal Engineer', null),
      'distinguished.md': role('Distinguished Engineer', 'Principal'),
    },
    flags: ['distinguished.md:3'],
    message: 'Parent "Principal" is read loosely as pe ("Principal Engineer")',
    clean: {
      'principal.md': role('Principal Engineer', null),
      // The full title, the file's id, or a link: each names exactly one role.
      'distinguished.md': role('Distinguished Engineer', 'Principal Engineer'),
      'fellow.md': role('Fellow', 'principal'),
      'chief.md': 'Chief\n-----\n(Inherits the role expectations of a [Fellow](fellow.md))\n\n### Craft\n* Leads.\n',
    },
  },
  'thin-step': {
    config: { rules: { 'thin-step': 'warn' } },
    triggers: {
      'e.md': role('Engineer', null, { Delivery: ['Ships.', 'Tests.', 'Reviews.'] }),
      's.md': role('Senior', 'Engineer', { Delivery: ['Leads projects.', 'Mentors engineers.'] }),
    },
    flags: ['s.md:3'],
    message: 'Expected at least 3 new expectations over Engineer, found 2 (minStep 3; 0.5 × the default median step of 2)',
    clean: {
      'e.md': role('Engineer', null, { Delivery: ['Ships.', 'Tests.', 'Reviews.'] }),
      's.md': role('Senior', 'Engineer', { Delivery: ['Leads projects.', 'Mentors engineers.', 'Plans the roadmap.'] }),
    },
  },
  'years-of-experience': {
    triggers: {
      'e.md': 'Engineer\n---\n\n### Role description\nAn Engineer typically has at least 5 years of experience.\n\n### Craft\n* Codes.\n',
      's.md': 'Senior\n---\n(Inherits the role expectations of an Engineer)\n\n### Role description\nA Senior has 3–4 years of experience.\n\n### Craft\n* Designs.\n',
    },
    flags: ['s.md:6'],
    message: 'Expected at least the 5 years of Engineer (e.md:5), found "3–4 years" (at least 3).',
    clean: {
      'e.md': 'Engineer\n---\n\n### Role description\nAn Engineer typically has 0–2 years of experience.\n\n### Craft\n* Codes.\n',
      's.md': 'Senior\n---\n(Inherits the role expectations of an Engineer)\n\n### Role description\nA Senior has been around.\n\n### Craft\n* Designs.\n',
      // Spanish is not read as a years statement at all, so it is neither compared nor flagged as missing.
      'i.md': 'Ingeniera\n---\n(Inherits the role expectations of a Senior)\n\n### Role description\nSuele tener al menos 1 año de experiencia.\n\n### Craft\n* Diseña.\n',
      'p.md': 'Principal\n---\n(Inherits the role expectations of a Senior)\n\n### Role description\nA Principal has 10+ years of experience.\n\n### Craft\n* Leads.\n',
    },
  },
  avoid: {
    config: { rules: { avoid: ['warn', { words: { rockstar: 'strong engineer', 'code ninja': 'expert' } }] } },
    triggers: { 'e.md': role('Engineer', null, { Craft: ['Is a Rockstar debugger.', 'Works as a code  ninja.'] }) },
    flags: ['e.md:8', 'e.md:9'],
    message: 'Expected "Strong engineer" instead of "Rockstar"',
    clean: { 'e.md': role('Engineer', null, { Craft: ['Hires no rockstars.', 'Writes `rockstar` configs.', 'Codes ninja-fast.'] }) },
  },
  'gender-coded': {
    config: { rules: { 'gender-coded': 'warn' } },
    triggers: { 'e.md': role('Engineer', null, { Craft: ['Leads assertive, ambitious and competitive teams.'] }) },
    flags: ['e.md:1'],
    message: 'Engineer leans masculine-coded: 4 masculine-coded words (ambitious, assertive, competitive, leads), 0 feminine-coded words.',
    clean: { 'e.md': role('Engineer', null, { Craft: ['Leads reviews and supports teammates with understanding.', 'Removes dependencies between services.'] }) },
  },
  'vague-qualifier': {
    config: { rules: { 'vague-qualifier': 'warn' } },
    triggers: { 'e.md': role('Engineer', null, { Craft: ['Writes very clear code.', 'Adds tests as needed.'] }) },
    flags: ['e.md:8', 'e.md:9'],
    message: '"very" says how much without a measure a reviewer can check',
    clean: { 'e.md': role('Engineer', null, { Craft: ['Treats people fairly.', 'Reviews design, not just style.', 'Ships just-in-time builds.'] }) },
  },
  voice: {
    config: { rules: { voice: 'warn' } },
    triggers: { 'e.md': role('Engineer', null, { Craft: ['Writes tests.', 'Reviews code.', 'Write docs for the team.'] }) },
    flags: ['e.md:10'],
    message: 'Starts with an imperative ("Write"); most expectations that start with a verb or "You" (2 of 3) start with a third-person verb, like "Writes".',
    clean: { 'e.md': role('Engineer', null, { Craft: ['Writes tests.', 'Reviews code.', 'Systems we own have runbooks.', 'Design documents are current.'] }) },
  },
};

describe('lint rules', () => {
  it('has a specification below for every rule, and the config schema knows exactly these rule ids', () => {
    expect(Object.keys(specs).sort()).toEqual(lintRules.map((r) => r.meta.id).sort());
    const ids = lintRules.map((r) => r.meta.id);
    const published = JSON.parse(renderJsonSchema('ladder-config.schema.json', lintRules)).properties.rules;
    expect(Object.keys(published.properties)).toEqual(ids);
    expect(published.additionalProperties).toBe(false);
  });

  it('gives every rule a description, a default severity and an honest fixable flag', () => {
    for (const { meta } of lintRules) {
      expect(meta.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(meta.description).toMatch(/^[A-Z].*\.$/);
      expect(['error', 'warning', 'off']).toContain(meta.severity);
    }
  });

  for (const rule of lintRules) {
    const spec = specs[rule.meta.id]!;
    describe(rule.meta.id, () => {
      it(`flags ${spec.flags.join(', ')}`, async () => {
        const findings = (await lintFolder(writeTree(spec.triggers), spec.config)).filter((f) => f.ruleId === rule.meta.id);
        expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(spec.flags);
        if (spec.message) expect(findings[0]!.message).toContain(spec.message);
        const configured = [spec.config?.rules?.[rule.meta.id]].flat()[0];
        for (const finding of findings) {
          expect(finding.severity).toBe(configured === 'warn' ? 'warning' : (configured ?? rule.meta.severity));
          expect(finding.fixable).toBe(rule.meta.fixable);
        }
      });
      it('stays quiet on a ladder without the defect', async () => {
        const findings = (await lintFolder(writeTree(spec.clean), spec.config)).filter((f) => f.ruleId === rule.meta.id);
        expect(findings).toEqual([]);
      });
    });
  }
});

describe('the bundled ladder and the messy fixture', () => {
  it('the bundled ladder lints clean', async () => {
    expect(await lintFolder(bundledLadder)).toEqual([]);
  });

  it('the messy fixture shows each planted defect, and only those', async () => {
    const findings = await lintFolder(fixture('messy'));
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'ic/senior-engineer.md:10:3 restates-inherited',
      'ic/senior-engineer.md:11:40 terminal-punctuation',
      'ic/senior-engineer.md:14:55 trailing-whitespace',
      'ic/senior-engineer.md:16:1 lost-bullet',
      'people/director.md:3:39 inherits-title-mismatch',
      'people/director.md:15:1 empty-section',
      'people/director.md:17:1 duplicate-section',
      'people/engineering-manager.md:5:103 indefinite-article',
    ]);
    expect(findings[0]!.related).toEqual({ file: 'ic/engineer.md', line: 8 });
    expect(findings[0]!.message).toBe(
      'Restates "Completes assigned tasks on time and asks for help when blocked." inherited from Engineer (ic/engineer.md:8); remove it or say what changes at this level.',
    );
  });
});

describe('articleFor', () => {
  it('goes by sound as well as spelling allows', () => {
    const cases = { Engineer: 'an', 'Engineering Manager': 'an', 'Senior Engineer': 'a', 'VP, Engineering': 'a', SRE: 'an', 'Unit Lead': 'a', 'Umbrella Lead': 'an', 'Hourly Lead': 'an', 'One-person Team': 'a' };
    for (const [title, article] of Object.entries(cases)) expect(articleFor(title), title).toBe(article);
  });
});

describe('the lint engine', () => {
  const tree = () => ({ 'a.md': role('Engineer', null, { Delivery: ['Breaks projects into milestones'] }).replace('Engineer role.', 'Engineer role. ') });

  it('applies ladder.yaml severities: off drops a rule, error and warn override the default', async () => {
    const root = writeTree(tree());
    const severities = async (rules: Record<string, 'off' | 'warn' | 'error'>) =>
      (await lintFolder(root, { rules })).map((f) => `${f.ruleId}:${f.severity}`);
    expect(await severities({})).toEqual(['trailing-whitespace:warning', 'terminal-punctuation:warning']);
    expect(await severities({ 'trailing-whitespace': 'off', 'terminal-punctuation': 'error' })).toEqual(['terminal-punctuation:error']);
    expect(await severities({ 'terminal-punctuation': 'warn' })).toEqual(['trailing-whitespace:warning', 'terminal-punctuation:warning']);
  });

  it('runs a rule whose default is off only when ladder.yaml turns it on', async () => {
    const tree = { 'e.md': role('Engineer', null), 's.md': role('Senior', 'Engineer') };
    expect((await lintTree(tree)).filter((f) => f.endsWith('thin-step'))).toEqual([]);
    expect(await lintTree(tree, { rules: { 'thin-step': 'error' } })).toEqual(['s.md:3 thin-step']);
    // The thresholds come from ladder.yaml too.
    expect(await lintTree(tree, { rules: { 'thin-step': 'error' }, health: { minStep: 1 } })).toEqual([]);
  });

  it('skips files matching the ignore globs', async () => {
    expect(await lintTree({ ...tree(), 'drafts/b.md': role('Draft', null).trimEnd() }, { ignore: ['drafts/**'] })).toEqual(['a.md:5 trailing-whitespace', 'a.md:8 terminal-punctuation']);
  });

  it('says nothing of a link it cannot follow in an ignored folder, and reports one outside it', async () => {
    const root = writeTree({ ...tree(), 'drafts/b.md': role('Draft', null) });
    symlinkSync(join(root, 'nowhere.md'), join(root, 'drafts/gone.md'));
    symlinkSync(join(root, 'nowhere.md'), join(root, 'gone.md'));
    const unreadable = async (config: LadderConfig) => (await lintFolder(root, config)).filter((f) => f.ruleId === 'unreadable-file').map((f) => f.file);
    expect(await unreadable({})).toEqual(['drafts/gone.md', 'gone.md']);
    expect(await unreadable({ ignore: ['drafts/**'] })).toEqual(['gone.md']);
  });

  it('honours disable-next-line, disable and enable comments, for one rule or all', async () => {
    const text = [
      'Engineer', '---', '', '### Delivery',
      '<!-- ladder-disable-next-line terminal-punctuation -->',
      '* One without a period',
      '* Two without a period',
      '<!-- ladder-disable -->',
      '* Three without a period ',
      '<!-- ladder-enable -->',
      '<!-- ladder-disable trailing-whitespace, lost-bullet -->',
      '* Four without a period ',
      '',
    ].join('\n');
    expect(await lintTree({ 'a.md': text })).toEqual(['a.md:7 terminal-punctuation', 'a.md:12 terminal-punctuation']);
  });

  it('refuses a fix from a rule whose meta does not declare it fixable', async () => {
    const root = writeTree({ 'a.md': role('Engineer', null) });
    const loaded = await loadLadder(root, { texts: true });
    const sneaky: LintRule = {
      meta: { id: 'sneaky', description: 'Fixes without saying so.', severity: 'warning', fixable: false, flags: 'anything', passes: 'nothing' },
      check: () => [{ file: 'a.md', line: 1, column: 1, message: 'x', fix: { line: 1, deleteLine: true } }],
    };
    expect(() => lintLadder({ root, loaded, graph: buildGraph(loaded.roles) }, {}, [sneaky])).toThrow(/does not declare it fixable/);
  });
});

describe('the README', () => {
  it('documents every rule with its severity, fixability, description and examples, as --list-rules has them', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    for (const { meta } of lintRules) {
      expect(readme).toContain(`| \`${meta.id}\` | ${meta.severity} | ${meta.fixable ? 'yes' : ''} | ${meta.description} | ${meta.flags} | ${meta.passes} |`);
    }
  });
});
