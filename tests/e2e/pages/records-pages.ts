import type { Page } from '@playwright/test';

/** People and companies screens: navigation, forms and the search box. */
export class RecordsPages {
  constructor(readonly page: Page) {}

  async openSection(name: RegExp) {
    await this.page.getByRole('navigation').getByText(name).click();
  }

  async fill(name: string, value: string) {
    await this.page.locator(`input[name="${name}"]`).fill(value);
  }

  async createCompany(options: { name: string; industry?: string; city?: string; phone?: string }) {
    await this.openSection(/^(Компании|Companies)$/);
    await this.page.getByRole('button', { name: /Новая компания|New company/ }).click();
    await this.fill('name', options.name);
    if (options.industry) await this.fill('industry', options.industry);
    if (options.phone) await this.fill('phone-0', options.phone);
    if (options.city) {
      await this.page.getByRole('button', { name: /Добавить адрес|Add address/ }).click();
      await this.fill('address-0-city', options.city);
    }
    await this.page.getByRole('button', { name: /^(Сохранить|Save)$/ }).click();
    await this.page.getByTestId('company-name').waitFor();
  }

  async createPerson(options: {
    lastName: string;
    firstName: string;
    middleName?: string;
    company?: string;
    position?: string;
    phone?: string;
    email?: string;
    tags?: string[];
  }) {
    await this.openSection(/^(Контакты|People)$/);
    await this.page.getByRole('button', { name: /Новый контакт|New person/ }).click();
    await this.fill('lastName', options.lastName);
    await this.fill('firstName', options.firstName);
    if (options.middleName) await this.fill('middleName', options.middleName);
    if (options.company) {
      const picker = this.page.getByRole('combobox', { name: /^(Компания|Company)$/ });
      await picker.fill(options.company.slice(0, 5));
      await this.page.getByRole('option', { name: options.company }).click();
    }
    if (options.position) await this.fill('position', options.position);
    if (options.phone) await this.fill('phone-0', options.phone);
    if (options.email) await this.fill('email-0', options.email);
    for (const tag of options.tags ?? []) {
      await this.page.getByRole('combobox', { name: /^(Теги|Tags)$/ }).fill(tag);
      await this.page.keyboard.press('Enter');
    }
    await this.page.getByRole('button', { name: /^(Сохранить|Save)$/ }).click();
    await this.page.getByTestId('person-name').waitFor();
  }

  async search(query: string) {
    await this.page.getByRole('button', { name: /Открыть поиск|Open search/ }).click();
    await this.page.getByRole('textbox', { name: /Поиск|Search/ }).fill(query);
  }
}
