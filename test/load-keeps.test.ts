import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLadder } from '../src/load/load-ladder.js';
import { fixture, role, writeTree } from './helpers.js';

// What a load keeps of each file depends on what the command asked for; the cache always gets it whole.
describe('what loadLadder keeps', () => {
  const tree = {
    'ic/engineer.md': role('Engineer', null, { Craft: ['Writes code.', 'Reviews [docs](../README.md#setup).'] }),
    'ic/senior.md': role('Senior Engineer', 'Engineer', { Craft: ['Leads designs.'] }),
    'README.md': '# Ladder\n\n## Setup\n\nSee [the engineer](ic/engineer.md).\n',
  };

  it('keeps texts only when asked: without, a file has no text at all, never an empty one', async () => {
    const root = writeTree(tree);
    const bare = await loadLadder(root, { documents: true });
    expect(bare.sources.map((source) => 'text' in source)).toEqual([false, false]);
    expect(bare.documents!.map((source) => 'text' in source)).toEqual([false]);
    const withTexts = await loadLadder(root, { documents: true, texts: true });
    expect(withTexts.sources.map((source) => source.text)).toEqual([tree['ic/engineer.md'], tree['ic/senior.md']]);
    expect(withTexts.documents!.map((source) => source.text)).toEqual([tree['README.md']]);
    // Texts aside, the two loads are the same.
    expect(withTexts.sources.map(({ text, ...rest }) => rest)).toEqual(bare.sources);
    expect(withTexts.roles).toEqual(bare.roles);
  });

  it('gives an outline load the roles of a whole load, placed the same, without their expectations or the files their links', async () => {
    const root = fixture('messy');
    const whole = await loadLadder(root);
    const outline = await loadLadder(root, { outline: true });
    expect(outline.roles).toEqual(whole.roles.map(({ sections, strayExpectations, ...place }) => place));
    expect(outline.roles.every((r) => !('sections' in r) && !('strayExpectations' in r))).toBe(true);
    expect(outline.sources).toEqual(whole.sources.map(({ links, anchors, ...name }) => name));
    expect(outline.problems).toEqual(whole.problems);
  });

  it('caches whole parses whatever a cold run kept, and a warm run parses nothing and loads the same', async () => {
    const root = writeTree(tree);
    let parsed = 0;
    const cache = { dir: mkdtempSync(join(tmpdir(), 'ladder-cache-')), version: 'test' };
    const cached = { cache, documents: true, progress: () => parsed++ };
    const coldOutline = await loadLadder(root, { ...cached, outline: true });
    expect(parsed).toBe(3);
    const warmWhole = await loadLadder(root, { ...cached, texts: true });
    expect(parsed).toBe(3);
    expect(warmWhole).toEqual(await loadLadder(root, { documents: true, texts: true }));
    expect(warmWhole.roles[0]!.sections[0]!.expectations.map((e) => e.text)).toEqual(['Writes code.', 'Reviews [docs](../README.md#setup).']);
    expect(await loadLadder(root, { ...cached, outline: true })).toEqual(coldOutline);
    expect(parsed).toBe(3);
  });
});
