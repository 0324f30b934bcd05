/**
 * Feeds a part of an .xlsx (inflated chunks) to a SAX parser. Chunks are cut anywhere, also inside
 * a Cyrillic letter: a decoder puts those back together before the parser sees the text.
 */
import { StringDecoder } from 'node:string_decoder';
import type { SaxesParser, SaxesTagPlain } from 'saxes';
import { unreadable } from './zip-source';

/** A tag's name without its namespace prefix (`x:row` → `row`): some writers prefix every tag. */
export const localName = (tag: SaxesTagPlain): string => {
  const colon = tag.name.indexOf(':');
  return colon < 0 ? tag.name : tag.name.slice(colon + 1);
};

/** Parses the chunks, pausing after each one (a reader hands out what that chunk completed). */
export async function* feedXml(parser: SaxesParser, chunks: AsyncIterable<Buffer>, part: string): AsyncGenerator<void> {
  let failure: Error | null = null;
  parser.on('error', (error) => (failure ??= error));
  const check = () => {
    if (failure) throw unreadable(`${part}: ${(failure as Error).message}`);
  };
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    parser.write(decoder.write(chunk));
    check();
    yield;
  }
  parser.write(decoder.end());
  parser.close();
  check();
  yield;
}
