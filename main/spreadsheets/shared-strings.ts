/**
 * A workbook's shared strings: every distinct text of a sheet Excel saved. A million-row file has
 * millions of them; as JS strings they cost several times their text, so they are kept as UTF-8 in
 * one buffer with an end offset per string, and decoded when a cell asks for one.
 *
 * Only the text of <t> elements counts: phonetic guides (<rPh>) and the whitespace between tags are
 * not part of the value.
 */
import { SaxesParser } from 'saxes';
import { feedXml, localName } from './xml-stream';

export class SharedStrings {
  #bytes = Buffer.allocUnsafe(1 << 16);
  #ends = new Uint32Array(1 << 12);
  #count = 0;
  #length = 0;

  get count(): number {
    return this.#count;
  }

  add(text: string): void {
    const needed = this.#length + Buffer.byteLength(text);
    if (needed > this.#bytes.length) {
      const bytes = Buffer.allocUnsafe(Math.max(needed, this.#bytes.length * 2));
      this.#bytes.copy(bytes, 0, 0, this.#length);
      this.#bytes = bytes;
    }
    this.#length += this.#bytes.write(text, this.#length, 'utf8');
    if (this.#count === this.#ends.length) {
      const ends = new Uint32Array(Math.max(this.#count * 2, 1024));
      ends.set(this.#ends);
      this.#ends = ends;
    }
    this.#ends[this.#count] = this.#length;
    this.#count += 1;
  }

  /** Gives back the room grown for strings that never came (up to half of it). */
  trim(): void {
    this.#bytes = Buffer.from(this.#bytes.subarray(0, this.#length));
    this.#ends = this.#ends.slice(0, this.#count);
  }

  /** The string at this index; null past the end (a damaged file). */
  get(index: number): string | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.#count) return null;
    const start = index === 0 ? 0 : this.#ends[index - 1]!;
    return this.#bytes.toString('utf8', start, this.#ends[index]!);
  }
}

/** Parses sharedStrings.xml as it streams in. */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>): Promise<SharedStrings> {
  const strings = new SharedStrings();
  const parser = new SaxesParser();
  let inText = false;
  let phonetic = 0;
  let text = '';
  const addText = (value: string) => {
    if (inText) text += value;
  };
  parser.on('opentag', (tag) => {
    const name = localName(tag);
    if (name === 'si') text = '';
    else if (name === 't') inText = phonetic === 0;
    else if (name === 'rPh') phonetic += 1;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag);
    if (name === 'si') strings.add(text);
    else if (name === 't') inText = false;
    else if (name === 'rPh') phonetic -= 1;
  });
  parser.on('text', addText);
  parser.on('cdata', addText);
  for await (const _ of feedXml(parser, chunks, 'shared strings'));
  strings.trim();
  return strings;
}
