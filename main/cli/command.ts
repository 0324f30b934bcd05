import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/errors';
import { CountryCode, DEFAULT_COUNTRY } from '../../shared/domain/settings';

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** `data` becomes the fields of the --json line, `lines` the readable output. */
export type CommandResult = {
  data: Record<string, unknown>;
  lines: string[];
  /** Set when the command ran to the end but found a problem worth failing a script on. */
  exitCode?: number;
};

/** One CLI command. A new command is a file in commands/ plus one line in commands/index.ts. */
export type Command = {
  name: string;
  summary: string;
  /** Everything after the command name, e.g. '--db FILE [--name NAME]'; --json is implied. */
  usage: string;
  options: CommandOptions;
  /** Names the free arguments (e.g. 'QUERY') for commands that take them; others refuse them. */
  positionals?: string;
  run(args: CommandArgs): Promise<CommandResult>;
};

export const dbOption: CommandOptions = { db: { type: 'string' } };

/** Typed access to the parsed options; a missing required one is a usage error (exit 2). */
export class CommandArgs {
  readonly #values: OptionValues;
  readonly positionals: readonly string[];

  constructor(values: OptionValues, positionals: readonly string[] = []) {
    this.#values = values;
    this.positionals = positionals;
  }

  string(name: string): string | undefined {
    const value = this.#values[name];
    return typeof value === 'string' ? value : undefined;
  }

  flag(name: string): boolean {
    return this.#values[name] === true;
  }

  /** A whole number option, with a default and bounds. */
  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.string(name);
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max) {
      throw new AppError('InvalidInput', `--${name} must be a whole number from ${min} to ${max}`);
    }
    return number;
  }

  /** The country national phone numbers are read in: a code the phone library knows, in any case; RU if not given. */
  country(name: string): string {
    const value = this.string(name);
    if (value === undefined) return DEFAULT_COUNTRY;
    const parsed = CountryCode.safeParse(value.toUpperCase());
    if (!parsed.success) {
      throw new AppError('InvalidInput', `--${name} must be a two-letter country code like RU or KZ, not "${value}"`);
    }
    return parsed.data;
  }

  /** A file path, resolved against the folder the user ran `npm run cli` from (npm itself runs in the package root). */
  path(name: string): string {
    const value = this.string(name);
    if (value === undefined || value.trim() === '') {
      throw new AppError('InvalidInput', `Missing required option --${name} FILE`);
    }
    return path.resolve(process.env.INIT_CWD ?? process.cwd(), value);
  }
}
