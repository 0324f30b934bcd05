import type { AppErrorJson } from '../../shared/errors';
import { knownFailure } from '../db/sqlite-errors';
import type { CommandResult } from './command';

const USAGE_EXIT_CODE = 2;

/** Readable success output, or with --json one JSON object as the last line of stdout. */
export function printResult(command: string, result: CommandResult, elapsedMs: number, json: boolean): void {
  if (json) {
    console.log(JSON.stringify({ ok: true, command, ...result.data, elapsedMs: Math.round(elapsedMs) }));
    return;
  }
  for (const line of result.lines) console.log(line);
}

/** Prints the error (stderr always, plus the JSON line with --json) and returns the exit code. */
export function printError(error: unknown, json: boolean): number {
  const appError: AppErrorJson = knownFailure(error)?.toJSON() ?? {
    code: 'Internal',
    message: error instanceof Error ? error.message : String(error),
  };
  console.error(`Error: ${appError.message}`);
  if (json) console.log(JSON.stringify({ ok: false, error: appError }));
  return appError.code === 'InvalidInput' ? USAGE_EXIT_CODE : 1;
}

/** Label/value rows with the values aligned in one column. */
export function alignRows(rows: Array<[label: string, value: string]>, indent = ''): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`);
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]} (${bytes} bytes)`;
}
