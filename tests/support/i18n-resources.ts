import fs from 'node:fs';
import path from 'node:path';

export type Tree = { [key: string]: string | Tree };

/** Merges renderer/i18n/<language>/*.json as the app does; a top-level key may live in one file only. */
export function loadLanguage(language: string): Tree {
  const folder = path.join('renderer/i18n', language);
  const merged: Tree = {};
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.json'))) {
    const tree = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as Tree;
    for (const key of Object.keys(tree)) {
      if (key in merged) throw new Error(`${language}/${file}: top-level key "${key}" is defined twice`);
      merged[key] = tree[key]!;
    }
  }
  return merged;
}
