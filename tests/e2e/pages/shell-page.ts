import type { Page } from '@playwright/test';

/** The app frame once a database is open, and the unlock screen it locks to. */
export class ShellPage {
  constructor(readonly page: Page) {}

  databaseName() {
    return this.page.getByTestId('database-name');
  }

  navigate(section: RegExp) {
    return this.page.getByRole('navigation').getByText(section).click();
  }

  async lock() {
    await this.page
      .getByRole('button', { name: /^(Заблокировать|Lock)$/ })
      .first()
      .click();
  }

  async unlock(passphrase: string) {
    await this.page.locator('input[name="unlock-passphrase"]').fill(passphrase);
    await this.page.getByRole('button', { name: /^(Разблокировать|Unlock)$/ }).click();
  }

  unlockHeading() {
    return this.page.getByRole('heading', { name: /База заблокирована|The database is locked/ });
  }

  errorAlert() {
    return this.page.getByTestId('error-alert');
  }

  async switchLanguage(label: 'Русский' | 'English') {
    await this.page.getByTestId('language-switch').getByText(label).click();
  }
}
