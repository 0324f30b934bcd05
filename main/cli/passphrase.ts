import readline from 'node:readline';
import { Writable } from 'node:stream';
import { AppError } from '../../shared/errors';
import { assertPassphraseStrength } from '../services/encrypted-database';

export const PASSPHRASE_ENV = 'KARTOTEKA_PASSPHRASE';
export const NEW_PASSPHRASE_ENV = 'KARTOTEKA_NEW_PASSPHRASE';

/** Asks on the terminal without echoing what is typed; the prompt goes to stderr so stdout stays parseable. */
function promptHidden(question: string): Promise<string> {
  let muted = false;
  // readline echoes every keystroke to its output; this output drops everything while muted.
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true, historySize: 0 });
  return new Promise((resolve, reject) => {
    // Enter, Ctrl+C and Ctrl+D all end in close; only the first settle counts.
    rl.on('close', () => {
      process.stderr.write('\n');
      reject(new AppError('InvalidInput', 'No passphrase was entered'));
    });
    rl.on('SIGINT', () => {
      reject(new AppError('InvalidInput', 'Cancelled'));
      rl.close();
    });
    rl.question(question, (answer) => {
      resolve(answer);
      rl.close();
    });
    // The prompt itself was written synchronously by question(); mute only the typing.
    muted = true;
  });
}

function fromEnvironment(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

function assertTerminal(envName: string): void {
  if (!process.stdin.isTTY) {
    throw new AppError('InvalidInput', `No passphrase given: set ${envName}, or run in a terminal to be asked for it`);
  }
}

/** The passphrase of an existing database: from KARTOTEKA_PASSPHRASE, else asked once. */
export async function readPassphrase(): Promise<string> {
  const fromEnv = fromEnvironment(PASSPHRASE_ENV);
  if (fromEnv !== undefined) return fromEnv;
  assertTerminal(PASSPHRASE_ENV);
  return promptHidden('Passphrase: ');
}

/** A passphrase being set: from the variable, else asked twice so a typo can't lock the file. */
export async function readNewPassphrase(envName: string, label: string): Promise<string> {
  const fromEnv = fromEnvironment(envName);
  if (fromEnv !== undefined) return fromEnv;
  assertTerminal(envName);
  const first = await promptHidden(`${label}: `);
  // Checked before the repeat so a too-short one isn't typed twice for nothing.
  assertPassphraseStrength(first);
  const second = await promptHidden(`Repeat ${label.toLowerCase()}: `);
  if (first !== second) throw new AppError('InvalidInput', 'The two passphrases do not match');
  return first;
}
