import path from 'node:path';
import { spawnSync } from 'node:child_process';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export type CliRun = { status: number | null; stdout: string; stderr: string };

/** Runs the CLI as a user would, without a terminal; of the KARTOTEKA_* variables only the given ones are set. */
export function runCli(args: string[], env: Record<string, string>): CliRun {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('KARTOTEKA_')));
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** With --json the last line of stdout is one JSON object. */
export function lastJsonLine(run: CliRun): Record<string, unknown> {
  const lines = run.stdout.trimEnd().split('\n');
  return JSON.parse(lines.at(-1) ?? '') as Record<string, unknown>;
}
