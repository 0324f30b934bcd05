/**
 * A text as a 53-bit number (FNV-1a and djb2 folded into one safe integer), for tables of a
 * million keys that keep numbers, not strings: two different keys meet about once in 10^10 pairs.
 */
export function textHash(text: string): number {
  let fnv = 0x811c9dc5;
  let djb = 5381;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    fnv = Math.imul(fnv ^ code, 0x01000193) >>> 0;
    djb = (Math.imul(djb, 33) + code) >>> 0;
  }
  return fnv * 0x200000 + (djb & 0x1fffff);
}
