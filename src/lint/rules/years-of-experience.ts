import type { RoleNode } from '../../graph/build-graph.js';
import { defineRule, type LintContext, type Report } from '../rule.js';

/** "5 years", "0–2 years", "10+ years": the first number is the least a role asks for. English only. */
const YEARS = /\b(\d+)(?:\s*(?:–|-|to)\s*\d+)?\+?\s+years?\b/i;

interface Years {
  years: number;
  line: number;
  column: number;
}

export const yearsOfExperience = defineRule({
  meta: {
    id: 'years-of-experience',
    description: 'The years of experience a role description asks for do not increase up the inheritance chain.',
    severity: 'warning',
    fixable: false,
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
      if (!own || !ancestor || own.years > ancestor.years.years) continue;
      reports.push({
        file: role.file,
        line: own.line,
        column: own.column,
        message: `Expected more than the ${ancestor.years.years} years of ${ancestor.role.title} (${ancestor.role.file}:${ancestor.years.line}), found ${own.years}.`,
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
    if (match) return { years: Number(match[1]), line: index + 1, column: match.index + 1 };
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
