import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workerEntries } from '../../main/threads/start-worker';

describe('worker thread entries', () => {
  it('are the bundles the app build makes, from the same modules', async () => {
    // A plain .mjs build script: loaded at run time, as the build loads it.
    const options = (await import('../../scripts/main-bundle-options.mjs' as string)) as {
      workerBundles: Record<string, string>;
    };
    const fromSource = Object.fromEntries(
      Object.entries(workerEntries).map(([name, module]) => [name, `main/${module}`]),
    );
    expect(options.workerBundles).toEqual(fromSource);
    for (const module of Object.values(fromSource)) expect(fs.existsSync(module)).toBe(true);
  });
});
