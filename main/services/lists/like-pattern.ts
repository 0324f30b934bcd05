/** A LIKE pattern matching `text` literally (with ESCAPE '\'), so "50%" or "a_b" mean themselves. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Upper bound for a "starts with" range scan on an index: every key with the prefix sorts below it. */
export function prefixUpperBound(prefix: string): string {
  return `${prefix}\uffff`;
}
