import type { Command, Option } from 'commander';
import { roleNames } from '../ladder/role-names.js';
import { locateLadder } from '../load/locate.js';
import { bashCompletion } from '../format/completion-bash.js';
import { fishCompletion } from '../format/completion-fish.js';
import { zshCompletion } from '../format/completion-zsh.js';
import { locateOptions, type CommandContext, type CommandResult } from './context.js';

const scripts: Record<string, () => string> = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion };

/** `ladder completion <shell>`: the script to install. */
export function completionScriptCommand(shell: string): CommandResult {
  return { stdout: scripts[shell]!(), warnings: [], exitCode: 0 };
}

/** An argument or option value completes to role ids when its name says it holds a role. */
const ROLE_VALUE = /role|^from$|^to$/;

interface Slot {
  /** Fixed values (commander `.choices()`), or role names, or nothing to offer (free text, folders). */
  choices?: readonly string[];
  roles: boolean;
}

interface OptionSpec extends Slot {
  flags: string[];
  takesValue: boolean;
}

interface CommandSpec {
  names: string[];
  options: OptionSpec[];
  args: (Slot & { variadic: boolean })[];
}

/** What completion needs of the program, read from commander so it cannot drift from the real flags. */
function specOf(program: Command): { global: OptionSpec[]; commands: CommandSpec[] } {
  const help = program.createHelp();
  const option = (o: Option): OptionSpec => {
    const value = /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1] ?? '';
    return { flags: [o.short, o.long].filter((f): f is string => !!f), takesValue: o.required || o.optional, choices: o.argChoices, roles: ROLE_VALUE.test(value) };
  };
  return {
    global: help.visibleOptions(program).map(option),
    commands: help.visibleCommands(program).map((c) => ({
      names: [c.name(), ...c.aliases()],
      options: help.visibleOptions(c).map(option),
      args: c.registeredArguments.map((a) => ({ choices: a.argChoices, roles: ROLE_VALUE.test(a.name()), variadic: a.variadic })),
    })),
  };
}

/**
 * `ladder __complete -- <words…>`: the candidates for the last word (the one under the cursor), one per
 * line, unfiltered (the shell filters by what is typed). Role names are read only when the slot takes a
 * role, and cheaply (see roleNames). Never fails: a completion that errors would spoil the prompt.
 */
export async function completeCommand(ctx: CommandContext, program: Command, words: string[]): Promise<CommandResult> {
  const spec = specOf(program);
  const typed = words.length > 0 ? words.slice(0, -1) : [];
  let command: CommandSpec | undefined;
  let position = 0;
  let pending: OptionSpec | undefined;
  let ladder = ctx.ladder;
  for (const word of typed) {
    const scope = [...(command?.options ?? []), ...spec.global];
    if (pending) {
      if (pending.flags.includes('--ladder')) ladder = word;
      pending = undefined;
    } else if (word.startsWith('-')) {
      const [flag, inline] = word.split(/=(.*)/s);
      const option = scope.find((o) => o.flags.includes(flag!));
      if (option?.flags.includes('--ladder') && inline !== undefined) ladder = inline;
      if (option?.takesValue && inline === undefined) pending = option;
    } else if (!command) {
      command = spec.commands.find((c) => c.names.includes(word));
    } else {
      position++;
    }
  }
  const current = words[words.length - 1] ?? '';
  let slot: Slot;
  if (pending) slot = pending;
  else if (current.startsWith('-')) slot = { choices: [...new Set([...(command?.options ?? []), ...spec.global].flatMap((o) => o.flags.filter((f) => f.startsWith('--'))))], roles: false };
  else if (!command) slot = { choices: spec.commands.flatMap((c) => c.names), roles: false };
  else {
    const args = command.args;
    slot = args[position] ?? (args[args.length - 1]?.variadic ? args[args.length - 1]! : { roles: false });
  }
  const candidates = [...(slot.choices ?? []), ...(slot.roles ? await rolesOrNothing({ ...ctx, ladder }) : [])];
  return { stdout: candidates.map((c) => `${c}\n`).join(''), warnings: [], exitCode: 0 };
}

async function rolesOrNothing(ctx: CommandContext): Promise<string[]> {
  try {
    return await roleNames(locateLadder(locateOptions(ctx)).root);
  } catch {
    return [];
  }
}
