import type { Command } from '../command';
import { backup } from './backup';
import { check } from './check';
import { exportCommand } from './export';
import { importCommand } from './import';
import { init } from './init';
import { rekey } from './rekey';
import { search } from './search';
import { seed } from './seed';
import { stats } from './stats';

/** In the order `help` lists them. */
export const commands: readonly Command[] = [
  init,
  check,
  stats,
  rekey,
  backup,
  search,
  seed,
  importCommand,
  exportCommand,
];
