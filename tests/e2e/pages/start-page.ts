import type { Page } from '@playwright/test';
import type { LaunchedApp } from '../support/launch';

/** The start screen: create or open a database. Works with both launchers. */
export class StartPage {
  readonly page: Page;
  readonly #app: LaunchedApp;

  constructor(app: LaunchedApp) {
    this.#app = app;
    this.page = app.page;
  }

  /** In Electron the path comes from the native dialog, stubbed here; in a browser it is typed. */
  async #setPath(inputName: string, filePath: string, dialog: 'showSaveDialog' | 'showOpenDialog'): Promise<void> {
    if (this.#app.electron) {
      await this.#app.electron.evaluate(
        ({ dialog: electronDialog }, [method, chosen]) => {
          const stubbed = async () => ({ canceled: false, filePath: chosen, filePaths: [chosen] });
          (electronDialog as unknown as Record<string, unknown>)[method] = stubbed;
        },
        [dialog, filePath] as const,
      );
      await this.page.locator(`input[name="${inputName}"]`).locator('xpath=../../..').getByRole('button').click();
    } else {
      await this.page.locator(`input[name="${inputName}"]`).fill(filePath);
    }
  }

  async createDatabase(options: { name: string; path: string; passphrase: string; confirmation?: string }) {
    await this.page.getByRole('tab', { name: /Новая база|New database/ }).click();
    await this.page.locator('input[name="database-name"]').fill(options.name);
    await this.#setPath('database-path', options.path, 'showSaveDialog');
    await this.page.locator('input[name="passphrase"]').fill(options.passphrase);
    await this.page.locator('input[name="passphrase-confirmation"]').fill(options.confirmation ?? options.passphrase);
    await this.page.getByRole('button', { name: /Создать базу|Create database/ }).click();
  }

  async openDatabase(options: { path?: string; passphrase: string }) {
    await this.page.getByRole('tab', { name: /Открыть базу|Open database/ }).click();
    if (options.path) await this.#setPath('open-path', options.path, 'showOpenDialog');
    await this.page.locator('input[name="open-passphrase"]').fill(options.passphrase);
    await this.page.getByRole('button', { name: /^(Открыть|Open)$/ }).click();
  }
}
