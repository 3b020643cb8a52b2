import type { RoleNode } from '../../graph/build-graph.js';
import { defineRule, type LintContext, type Report } from '../rule.js';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const NUMBER = `(\\d+|${NUMBER_WORDS.join('|')})`;
/** Words before the number that make it a ceiling, so the least the role asks for is no years at all. */
const CEILING_BEFORE = /^(?:at most|up to|no more than|less than|fewer than|under|maximum of|a maximum of)$/i;
/** Words after it that do the same: "5 years or less". */
const CEILING_AFTER = /^(?:less|fewer|under)$/i;

/**
 * A years statement, English only: an optional qualifier ("at least", "up to"), a number or number word, an
 * optional range end ("3–5", "3 to 5", "between 3 and 5"), "+", and "or more" / "or less" before or after "years".
 */
const YEARS = new RegExp(
  `(?:\\b(at least|at most|up to|no more than|no less than|less than|fewer than|more than|over|under|(?:a )?minimum of|(?:a )?maximum of|between)\\s+)?` +
    `\\b${NUMBER}(?:\\s*(?:–|—|-|to|and)\\s*${NUMBER})?\\s*\\+?(?:\\s+or\\s+(more|less|fewer|over|under))?\\s+years?\\b(?:\\s+or\\s+(more|less|fewer|under))?`,
  'i',
);

/** The least number of years a statement asks for: "5 years or less" and "up to 5" ask for none, "3–5" for 3. */
export function leastYears(statement: string): number | null {
  const match = YEARS.exec(statement);
  if (!match) return null;
  const [, before, first, , orBefore, orAfter] = match;
  if ((before && CEILING_BEFORE.test(before)) || [orBefore, orAfter].some((word) => word && CEILING_AFTER.test(word))) return 0;
  return numberOf(first!);
}

function numberOf(text: string): number {
  const word = NUMBER_WORDS.indexOf(text.toLowerCase());
  return word >= 0 ? word : Number(text);
}

interface Years {
  /** The least the role asks for. */
  years: number;
  /** The words that said it, "3–5 years". */
  statement: string;
  line: number;
  column: number;
}

export const yearsOfExperience = defineRule({
  meta: {
    id: 'years-of-experience',
    description: 'The least years of experience a role description asks for is lower than what its nearest ancestor stating years asks for ("5 years or less" asks for none, "3–5 years" for 3).',
    severity: 'warning',
    fixable: false,
    flags: 'Engineer "at least 5 years", Senior "3-4 years": the minimum falls from 5 to 3',
    passes: 'Engineer "5 years or less", Senior "at least 5 years": the minimum rises from 0 to 5',
  },
  check: (ctx) => {
    const stated = new Map<string, Years>();
    for (const role of ctx.roles) {
      const years = yearsOf(ctx, role);
      if (years) stated.set(role.id, years);
    }
    const reports: Report[] = [];
    for (const role of ctx.roles) {
      const own = stated.get(role.id);
      const ancestor = own && nearestStating(ctx, role, stated);
      if (!own || !ancestor || own.years >= ancestor.years.years) continue;
      reports.push({
        file: role.file,
        line: own.line,
        column: own.column,
        message: `Expected at least the ${ancestor.years.years} years of ${ancestor.role.title} (${ancestor.role.file}:${ancestor.years.line}), found "${own.statement}" (at least ${own.years}).`,
        related: { file: ancestor.role.file, line: ancestor.years.line },
      });
    }
    return reports;
  },
});

/** The first years statement in the role description, with where it is in the file. */
function yearsOf(ctx: LintContext, role: RoleNode): Years | null {
  const source = ctx.source(role.file);
  if (!source || role.descriptionLine === undefined) return null;
  const lines = ctx.lines(source);
  for (let index = role.descriptionLine; index < lines.length && !/^\s{0,3}#/.test(lines[index]!); index++) {
    const match = YEARS.exec(lines[index]!);
    if (match) return { years: leastYears(match[0])!, statement: match[0], line: index + 1, column: match.index + 1 };
  }
  return null;
}

/** The closest ancestor whose description states years; a cycle ends the walk. */
function nearestStating(ctx: LintContext, role: RoleNode, stated: Map<string, Years>): { role: RoleNode; years: Years } | null {
  const seen = new Set([role.id]);
  for (let id = role.parentId; id !== null && !seen.has(id); ) {
    seen.add(id);
    const ancestor = ctx.graph.roles.get(id)!;
    const years = stated.get(id);
    if (years) return { role: ancestor, years };
    id = ancestor.parentId;
  }
  return null;
}
