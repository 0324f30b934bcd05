/**
 * Every live record, and everything in the trash, as count and bulk targets: the same objects
 * everywhere, so screens asking for the same count share one cached answer.
 */
export const ALL_LIVE = { filter: { conditions: [], text: '', trash: false } };
export const WHOLE_TRASH = { filter: { conditions: [], text: '', trash: true } };
