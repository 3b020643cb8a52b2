/**
 * What a role id may be: letters, digits, `_` and inner single `-`. An id names exported files and is typed
 * on the command line, so it can never hold a dot or a space; only the ladder joins plain ids with `/`
 * (`backend/senior`) when one file name is used in several folders. Kept free of zod so the
 * loader can use it without loading the schema library.
 */
export const PLAIN_ID = /^[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*$/u;
