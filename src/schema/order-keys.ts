/**
 * Front matter keys that order levels, in the order they are looked at; `level` also sets the level itself.
 * Kept out of front-matter.ts so the level order (on every command's path) does not load zod.
 */
export const ORDER_KEYS = ['weight', 'order', 'sidebar_position', 'nav_order', 'level'] as const;
