import { describe, expect, it } from 'vitest';
import { role, writeTree } from './helpers.js';
import { runMain } from './in-process.js';

/**
 * Names close to each other (Senior Engineer, Senior Designer, Staff Engineer) beside names that share
 * nothing with them (Data Scientist), and an alias (Tech Lead) for Staff Engineer, in its front matter.
 */
const ladder = writeTree({
  'engineer.md': role('Engineer', null, { Craft: ['Writes code.'], Delivery: ['Ships small changes.'] }),
  'senior-engineer.md': role('Senior Engineer', 'Engineer'),
  'staff-engineer.md': `---\naliases: [Tech Lead]\n---\n${role('Staff Engineer', 'Senior Engineer')}`,
  'senior-designer.md': role('Senior Designer', null),
  'data-scientist.md': role('Data Scientist', null),
});
const show = (name: string) => runMain(['--ladder', ladder, 'show', name]);

describe('did you mean', () => {
  it('offers the role a typo is nearest to, by title and id, and no role that merely shares letters', async () => {
    expect(await show('seniro-engineer')).toEqual({ code: 2, stdout: '', stderr: 'error: unknown role "seniro-engineer"; did you mean Senior Engineer (senior-engineer)?\n' });
    expect((await show('desginer')).stderr).toBe('error: unknown role "desginer"; did you mean Senior Designer (senior-designer)?\n');
    expect((await show('scientsit')).stderr).toBe('error: unknown role "scientsit"; did you mean Data Scientist (data-scientist)?\n');
  });

  it('finds a role through a typo in its alias, and names the role', async () => {
    expect((await show('tech-laed')).stderr).toBe('error: unknown role "tech-laed"; did you mean Staff Engineer (staff-engineer)?\n');
  });

  it('offers several only when they are as near, closest first', async () => {
    expect((await show('enginer')).stderr).toBe('error: unknown role "enginer"; did you mean Engineer (engineer) or Senior Engineer (senior-engineer) or Staff Engineer (staff-engineer)?\n');
  });

  it('offers nothing for a name like no role', async () => {
    expect((await show('xylophone')).stderr).toBe('error: unknown role "xylophone"; run "ladder list" to see the roles\n');
    expect((await show('qa')).stderr).toBe('error: unknown role "qa"; run "ladder list" to see the roles\n');
  });
});

describe('an unknown command that names a role', () => {
  it('suggests `show`, repeating the global options given', async () => {
    const run = await runMain(['--ladder', ladder, 'staff']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `error: unknown command "staff"; "Staff Engineer" is a role: did you mean "ladder --ladder ${ladder} show staff"?\n` });
  });

  it('tells the command word from a global option\'s value that is the same word', async () => {
    const parent = writeTree({ 'staff/engineer.md': role('Engineer', null), 'staff/staff-engineer.md': role('Staff Engineer', 'Engineer') });
    const run = await runMain(['--ladder', 'staff', 'staff'], { cwd: parent });
    expect(run.stderr).toBe('error: unknown command "staff"; "Staff Engineer" is a role: did you mean "ladder --ladder staff show staff"?\n');
  });

  it('stays commander\'s error, with its own suggestion, when the word is no role', async () => {
    expect(await runMain(['--ladder', ladder, 'xylophone'])).toEqual({ code: 2, stdout: '', stderr: "error: unknown command 'xylophone'\n" });
    expect((await runMain(['--ladder', ladder, 'shwo'])).stderr).toBe("error: unknown command 'shwo'\n(Did you mean show?)\n");
  });
});

describe('an unknown --section', () => {
  it('lists the sections the role has', async () => {
    const run = await runMain(['--ladder', ladder, 'show', 'senior-engineer', '--section', 'cooking']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'error: role "senior-engineer" has no section matching "cooking"; its sections are "Craft", "Delivery"\n' });
  });
});
