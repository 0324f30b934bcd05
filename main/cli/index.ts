/**
 * Kartoteka's command line: `npm run cli -- <command> [options] [--json]`. Node only, never Electron.
 * Commands live in commands/, one file each, listed in commands/index.ts.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { tuneGarbageCollection } from '../garbage-collection';
import { CommandArgs, type Command, type CommandResult } from './command';
import { commands } from './commands';
import { alignRows, printError, printResult } from './output';
import { NEW_PASSPHRASE_ENV, PASSPHRASE_ENV } from './passphrase';

const INVOCATION = 'npm run cli --';
const JSON_FLAG = '--json';
const HELP_WORDS = new Set(['help', '--help', '-h']);

function usageLine(command: Command): string {
  return `${INVOCATION} ${command.name} ${command.usage} [${JSON_FLAG}]`;
}

function commandInfo(command: Command): Record<string, string> {
  return { name: command.name, summary: command.summary, usage: usageLine(command) };
}

function helpResult(command?: Command): CommandResult {
  if (command !== undefined) {
    return {
      data: { commands: [commandInfo(command)] },
      lines: [`Usage: ${usageLine(command)}`, '', command.summary],
    };
  }
  return {
    data: { commands: commands.map(commandInfo) },
    lines: [
      `Usage: ${INVOCATION} <command> [options] [${JSON_FLAG}]`,
      '',
      'Commands:',
      ...alignRows(
        [
          ...commands.map((entry): [string, string] => [entry.name, entry.summary]),
          ['help [COMMAND]', 'Show this list, or the usage of one command'],
        ],
        '  ',
      ),
      '',
      ...commands.map((entry) => `  ${usageLine(entry)}`),
      '',
      `The passphrase comes from ${PASSPHRASE_ENV} (a new one for rekey from ${NEW_PASSPHRASE_ENV}),`,
      'else it is asked on the terminal. Paths are relative to the current folder.',
      `With ${JSON_FLAG} the last line of stdout is one JSON object: {"ok":true,...} or {"ok":false,"error":{...}}.`,
    ],
  };
}

function findCommand(name: string): Command {
  const command = commands.find((entry) => entry.name === name);
  if (command === undefined) {
    throw new AppError('InvalidInput', `Unknown command "${name}"; run "${INVOCATION} help" for the list`);
  }
  return command;
}

function parseOptions(command: Command, args: string[]): CommandArgs | 'help' {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: command.positionals !== undefined,
    });
    return values.help === true ? 'help' : new CommandArgs(values, positionals);
  } catch (error) {
    // parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or incomplete options.
    if (String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      throw new AppError('InvalidInput', `${(error as Error).message} (usage: ${usageLine(command)})`);
    }
    throw error;
  }
}

async function dispatch(argv: string[]): Promise<{ name: string; result: CommandResult }> {
  const [name, ...rest] = argv;
  if (name === undefined || HELP_WORDS.has(name)) {
    const topic = name === 'help' ? rest[0] : undefined;
    return { name: 'help', result: helpResult(topic === undefined ? undefined : findCommand(topic)) };
  }
  const command = findCommand(name);
  const args = parseOptions(command, rest);
  if (args === 'help') return { name: 'help', result: helpResult(command) };
  return { name: command.name, result: await command.run(args) };
}

/** Runs one invocation and returns the exit code: 0 ok, 1 failure, 2 usage error. */
async function runCli(argv: string[]): Promise<number> {
  // --json is global and may stand anywhere, so it is taken out before the command's own options are parsed.
  const json = argv.includes(JSON_FLAG);
  const started = performance.now();
  try {
    const { name, result } = await dispatch(argv.filter((arg) => arg !== JSON_FLAG));
    printResult(name, result, performance.now() - started, json);
    return result.exitCode ?? 0;
  } catch (error) {
    return printError(error, json);
  }
}

tuneGarbageCollection();
process.exitCode = await runCli(process.argv.slice(2));
