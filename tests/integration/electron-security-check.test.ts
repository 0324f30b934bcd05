import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('scripts/check-electron-security.mjs', () => {
  it('fails on a window that weakens isolation, naming the findings', () => {
    const result = spawnSync(
      process.execPath,
      ['scripts/check-electron-security.mjs', '--input', 'tests/fixtures/insecure-electron'],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/CONTEXT_ISOLATION_JS_CHECK/);
    expect(result.stderr).toMatch(/SANDBOX_JS_CHECK/);
    expect(result.stderr).toMatch(/LIMIT_NAVIGATION_GLOBAL_CHECK/);
  });
});

describe('the app itself', () => {
  it('passes the Electron security check, with its expected findings listed', () => {
    const result = spawnSync(process.execPath, ['scripts/check-electron-security.mjs'], { encoding: 'utf8' });
    expect(result.stderr).not.toMatch(/blocking/);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/PRELOAD_JS_CHECK/);
    expect(result.stdout).toMatch(/No blocking findings/);
  });
});
