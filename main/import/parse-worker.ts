/**
 * Worker thread: reads one sheet of an .xlsx file and parses its rows for an import (sheet-parse.ts),
 * then hands back the values it counted for the value-mapping step. The main thread is left with
 * matching and writing: reading and parsing a row cost about as much as storing it.
 */
import { workerData } from 'node:worker_threads';
import { streamToParent } from '../threads/stream-to-parent';
import { xlsxRows } from '../spreadsheets/xlsx-source';
import { parseSheetRows } from './sheet-parse';
import type { ParseRequest } from './parsed-rows';
import { ValueChoices } from './value-choices';

const { path, sheet, plan } = workerData as ParseRequest;
const choices = new ValueChoices(plan.catalogs, plan.valueMappings);
choices.absorb(
  plan.listed.map(([field, values]) => [field, values.map(([key, seen]) => [key, { ...seen, count: 0 }])]),
);
streamToParent(parseSheetRows(xlsxRows(path, sheet), plan, choices), () => choices.seenValues());
