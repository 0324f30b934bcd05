/**
 * A sheet's parsed rows for an import. With `inWorker`, and a sheet the source finds big enough for a
 * worker thread, it is read and parsed there, beside the main thread's matching and writing; else
 * the rows are parsed here (read by the source's own worker when it has one). Either way the values
 * counted for the value-mapping step end up in `choices`.
 */
import type { SpreadsheetSource } from '../spreadsheets/source';
import { startWorker } from '../threads/start-worker';
import { workerItems } from '../threads/worker-items';
import { parseSheetRows, type ParsedItem, type SheetParsePlan } from './sheet-parse';
import type { SeenValues, ValueChoices } from './value-choices';

/** What a parse worker is given. */
export type ParseRequest = { path: string; sheet: string; plan: SheetParsePlan };

export function parsedSheetRows(
  source: SpreadsheetSource,
  sheet: string,
  plan: SheetParsePlan,
  choices: ValueChoices,
  inWorker: boolean,
): AsyncIterable<ParsedItem> {
  const parseHere = () => parseSheetRows(source.rows(sheet), plan, choices);
  const path = inWorker ? (source.workerPath?.(sheet) ?? null) : null;
  if (path === null) return parseHere();
  const request: ParseRequest = { path, sheet, plan };
  return workerItems<ParsedItem>(
    () => startWorker('import-parse-worker', request),
    parseHere,
    (seen) => choices.absorb(seen as SeenValues),
  );
}
