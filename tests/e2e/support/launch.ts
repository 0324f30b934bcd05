import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron, chromium, type ElectronApplication, type Page } from '@playwright/test';

export type Target = 'electron' | 'browser';

export type LaunchedApp = {
  target: Target;
  page: Page;
  /** Set for Electron only: lets page models stub native dialogs. */
  electron: ElectronApplication | null;
  close(): Promise<void>;
};

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

/**
 * The Electron binary's path, or null where it was never downloaded (as on this CI machine).
 * Read from the package's files: `require('electron')` would try to download it.
 */
export function electronBinary(): string | null {
  try {
    const packageDir = path.dirname(require.resolve('electron/package.json'));
    const executable = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8');
    const binary = path.join(packageDir, 'dist', executable);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export function chooseTarget(): Target {
  const forced = process.env.KARTOTEKA_E2E_TARGET;
  if (forced === 'electron' || forced === 'browser') return forced;
  return electronBinary() ? 'electron' : 'browser';
}

function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((candidate) => candidate && fs.existsSync(candidate));
  if (!found) throw new Error('No Chromium found: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  return found;
}

async function launchElectron(dataDir: string): Promise<LaunchedApp> {
  const executablePath = electronBinary();
  if (!executablePath) throw new Error('KARTOTEKA_E2E_TARGET=electron, but the Electron binary is not installed');
  const electron = await _electron.launch({
    executablePath,
    args: [projectRoot, `--user-data-dir=${path.join(dataDir, 'user-data')}`],
    cwd: projectRoot,
  });
  const page = await electron.firstWindow();
  return { target: 'electron', page, electron, close: () => electron.close() };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Browser host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Browser host exited with ${code}:\n${output}`));
    });
  });
}

async function launchBrowserHost(dataDir: string): Promise<LaunchedApp> {
  const host = spawn(
    process.execPath,
    ['--import', 'tsx', 'main/hosts/browser-host-main.ts', '--data-dir', dataDir, '--port', '0'],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await waitForUrl(host);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(url);
  return {
    target: 'browser',
    page,
    electron: null,
    close: async () => {
      await browser.close();
      const exited = new Promise((resolve) => host.once('exit', resolve));
      host.kill('SIGTERM');
      await exited;
    },
  };
}

export function launchApp(dataDir: string): Promise<LaunchedApp> {
  return chooseTarget() === 'electron' ? launchElectron(dataDir) : launchBrowserHost(dataDir);
}
