import { defineRule } from '../rule.js';

export const thinStep = defineRule({
  meta: {
    id: 'thin-step',
    description: 'A role adds fewer new expectations to its parent than the health thresholds ask (off unless ladder.yaml sets it to warn or error).',
    severity: 'off',
    fixable: false,
    flags: '(when on) a Senior that adds one expectation to its Engineer parent',
    passes: 'a step that adds at least the configured minimum',
  },
  check: (ctx) => {
    const { thresholds, steps } = ctx.health();
    return steps.flatMap((step) => {
      if (!step.flags.includes('thin')) return [];
      const role = ctx.graph.roles.get(step.to.id)!;
      // For whole expectations, "fewer than minRatio × median" means fewer than its ceiling.
      const least = Math.max(thresholds.minStep, Math.ceil(thresholds.minRatio * step.median));
      return [
        {
          file: role.file,
          line: role.parent?.line ?? role.titleLine,
          column: role.parent?.column ?? 1,
          message: `Expected at least ${least} new expectations over ${step.from.title}, found ${step.added} (minStep ${thresholds.minStep}; ${thresholds.minRatio} × the ${step.track} median step of ${step.median}); say what is new at this level.`,
        },
      ];
    });
  },
});
