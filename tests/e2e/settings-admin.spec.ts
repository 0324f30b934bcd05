import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { RecordsPages } from './pages/records-pages';
import { ShellPage } from './pages/shell-page';
import { StartPage } from './pages/start-page';
import { dismissNotifications } from './support/notifications';

const PASSPHRASE = 'Пароль-для-теста-2026';
const LONG_FIELD =
  'Согласие на участие в программе лояльности и получение персональных предложений по электронной почте';
const LONG_OWNER = 'Константинопольский-Задунайский Пётр Вениаминович';

/** The settings page's sections, found by their headings. */
const section = (page: Page, title: string) =>
  page.locator('.mantine-Card-root').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

const fieldRow = (page: Page, label: string) =>
  page.getByTestId('custom-field-row').filter({ has: page.getByRole('cell', { name: label, exact: true }) });

/** Puts a section at the top of the window (below the fixed header) for the screenshot. */
async function scrollToTop(section: Locator) {
  await section.evaluate((element) => {
    (element as HTMLElement).style.scrollMarginTop = '72px';
    element.scrollIntoView({ block: 'start' });
  });
}

async function chooseOption(page: Page, combobox: string, option: string) {
  await page.getByRole('combobox', { name: combobox, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function addOptions(page: Page, options: string[]) {
  const input = page.getByRole('textbox', { name: 'Варианты' }).or(page.getByRole('combobox', { name: 'Варианты' }));
  for (const option of options) {
    await input.fill(option);
    await input.press('Enter');
  }
}

test('custom fields, owners and the phone country in Settings', async ({ app, dataDir, saveScreenshot }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await new StartPage(app).createDatabase({
    name: 'Агентство',
    path: path.join(dataDir, 'admin.kartoteka'),
    passphrase: PASSPHRASE,
  });
  const shell = new ShellPage(page);
  await expect(shell.databaseName()).toHaveText('Агентство');
  await shell.navigate(/^Настройки$/);

  const fields = section(page, 'Поля карточек');
  const owners = section(page, 'Ответственные');
  await expect(fields.getByTestId('custom-fields-empty')).toHaveText(/У контактов пока нет своих полей/);
  await expect(owners.getByTestId('owners-empty')).toHaveText(/Ответственных пока нет/);
  await scrollToTop(fields);
  await saveScreenshot('30-settings-empty-ru');

  // A list field needs its options before it can be added.
  await fields.getByRole('button', { name: 'Добавить поле' }).click();
  await page.locator('input[name="field-label"]').fill('Регион');
  await chooseOption(page, 'Тип поля', 'Один из списка');
  await fields.getByRole('button', { name: 'Добавить', exact: true }).click();
  await expect(fields.getByText('Добавьте хотя бы один вариант')).toBeVisible();
  await saveScreenshot('31-settings-field-validation-ru');

  await addOptions(page, ['Москва', 'Санкт-Петербург', 'Ленинградская область', 'Нижегородская область']);
  await fields.getByRole('button', { name: 'Добавить', exact: true }).click();
  await expect(fieldRow(page, 'Регион')).toContainText('Один из списка');
  await expect(fieldRow(page, 'Регион')).toContainText('Ленинградская область');
  await expect(fields.getByTestId('custom-fields-empty')).toHaveCount(0);

  await fields.getByRole('button', { name: 'Добавить поле' }).click();
  await page.locator('input[name="field-label"]').fill(LONG_FIELD);
  await chooseOption(page, 'Тип поля', 'Флажок «да/нет»');
  await expect(page.getByRole('textbox', { name: 'Варианты' })).toHaveCount(0);
  await fields.getByRole('button', { name: 'Добавить', exact: true }).click();
  await expect(fieldRow(page, LONG_FIELD)).toContainText('Флажок «да/нет»');
  await expect(fields.getByTestId('custom-field-row')).toHaveCount(2);
  await expect(page.getByText(`Поле «${LONG_FIELD}» добавлено`)).toBeVisible();
  await saveScreenshot('32-settings-fields-ru');

  // Rename a field and give it one more option.
  await page.getByRole('button', { name: 'Изменить поле «Регион»' }).click();
  const editor = page.getByRole('dialog', { name: 'Изменить поле' });
  await expect(editor.getByText('Тип: Один из списка')).toBeVisible();
  await editor.locator('input[name="field-label"]').fill('Регион клиента');
  await addOptions(page, ['Республика Татарстан']);
  // An option typed but not confirmed with Enter is kept too.
  await editor
    .getByRole('textbox', { name: 'Варианты' })
    .or(editor.getByRole('combobox', { name: 'Варианты' }))
    .fill('Другой регион');
  await saveScreenshot('33-settings-field-edit-ru');
  await editor.getByRole('button', { name: 'Сохранить' }).click();
  await expect(editor).toBeHidden();
  await expect(fieldRow(page, 'Регион клиента')).toContainText('Республика Татарстан');
  await expect(fieldRow(page, 'Регион клиента')).toContainText('Другой регион');
  await expect(fieldRow(page, 'Регион')).toHaveCount(0);

  // Archiving asks first and says the values stay.
  await dismissNotifications(page);
  await page.getByRole('button', { name: `Убрать в архив поле «${LONG_FIELD}»` }).click();
  const confirm = page.getByTestId('archive-confirm');
  await expect(confirm).toContainText('Уже заполненные значения не удалятся');
  // Let the popover finish fading in before the screenshot.
  await expect(page.locator('.mantine-Popover-dropdown').filter({ has: confirm })).toHaveCSS('opacity', '1');
  await saveScreenshot('34-settings-field-archive-ru');
  await confirm.getByRole('button', { name: 'Убрать в архив' }).click();
  await expect(fieldRow(page, LONG_FIELD)).toHaveCount(0);
  await expect(fields.getByTestId('custom-field-row')).toHaveCount(1);

  // Companies have their own fields.
  await fields.getByRole('tab', { name: 'Компании' }).click();
  await expect(fields.getByText(/У компаний пока нет своих полей/)).toBeVisible();
  await saveScreenshot('35-settings-fields-companies-ru');
  await fields.getByRole('tab', { name: 'Контакты' }).click();

  // Owners: the e-mail is optional but checked.
  await owners.locator('input[name="owner-name"]').fill('Мария Иванова');
  await owners.locator('input[name="owner-email"]').fill('maria@');
  await owners.getByRole('button', { name: 'Добавить ответственного' }).click();
  await expect(owners.getByText('Это не похоже на адрес почты')).toBeVisible();
  await owners.locator('input[name="owner-email"]').fill('Maria.Ivanova@Example.ru');
  await owners.getByRole('button', { name: 'Добавить ответственного' }).click();
  await expect(owners.getByTestId('owner-row').filter({ hasText: 'Мария Иванова' })).toContainText(
    'maria.ivanova@example.ru',
  );
  await expect(owners.locator('input[name="owner-name"]')).toHaveValue('');
  await owners.locator('input[name="owner-name"]').fill(LONG_OWNER);
  await owners.getByRole('button', { name: 'Добавить ответственного' }).click();
  await expect(owners.getByTestId('owner-row')).toHaveCount(2);
  await expect(owners.getByTestId('owners-empty')).toHaveCount(0);
  await scrollToTop(owners);
  await saveScreenshot('36-settings-owners-ru');

  // The phone country changes how a number without a country code is read.
  const regional = section(page, 'Региональные настройки');
  await expect(regional.getByRole('combobox', { name: 'Страна для телефонов' })).toHaveValue('Россия');
  await expect(regional.getByText(/Номера без кода страны \(8 916 …\) читаются как номера этой страны/)).toBeVisible();
  await dismissNotifications(page);
  await scrollToTop(regional);
  await regional.getByRole('combobox', { name: 'Страна для телефонов' }).click();
  await expect(page.getByRole('option', { name: 'Казахстан', exact: true })).toBeVisible();
  await saveScreenshot('37-settings-country-ru');
  await page.getByRole('option', { name: 'Беларусь', exact: true }).click();
  await expect(regional.getByRole('combobox', { name: 'Страна для телефонов' })).toHaveValue('Беларусь');

  // The new field, the owner and the country all reach the person form.
  const records = new RecordsPages(page);
  await records.openSection(/^Контакты$/);
  await page.getByRole('button', { name: 'Новый контакт' }).click();
  await records.fill('lastName', 'Лукашевич');
  await records.fill('firstName', 'Ольга');
  await records.fill('phone-0', '8 029 123-45-67');
  await chooseOption(page, 'Регион клиента', 'Москва');
  await chooseOption(page, 'Ответственный', 'Мария Иванова');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('person-name')).toHaveText('Лукашевич Ольга');
  await expect(page.getByTestId('phone')).toHaveText('+375 29 123 45 67');
  await expect(page.getByRole('row', { name: /Регион клиента/ })).toContainText('Москва');
  await expect(page.getByRole('row', { name: /Ответственный/ })).toContainText('Мария Иванова');

  // An option chosen on a record can't be removed; the form says why.
  await shell.navigate(/^Настройки$/);
  await page.getByRole('button', { name: 'Изменить поле «Регион клиента»' }).click();
  // Mantine hides the pills' remove buttons from assistive tech (Backspace removes the last one).
  await editor.locator('.mantine-Pill-root', { hasText: 'Москва' }).locator('.mantine-Pill-remove').click();
  await editor.getByRole('button', { name: 'Сохранить' }).click();
  await expect(editor.getByText(/уже выбраны в карточках, — их нельзя удалить/)).toBeVisible();
  await saveScreenshot('38-settings-option-in-use-ru');
  await editor.getByRole('button', { name: 'Отмена' }).click();
  await expect(fieldRow(page, 'Регион клиента')).toContainText('Москва');

  await shell.switchLanguage('English');
  await expect(section(page, 'Custom fields')).toBeVisible();
  await expect(fieldRow(page, 'Регион клиента')).toContainText('One from a list');
  await expect(section(page, 'Owners').getByTestId('owner-row')).toHaveCount(2);
  await expect(page.getByRole('combobox', { name: 'Default phone country' })).toHaveValue('Belarus');
  await dismissNotifications(page);
  await scrollToTop(section(page, 'Custom fields'));
  await saveScreenshot('39-settings-admin-en');
});
