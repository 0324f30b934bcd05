import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { RecordsPages } from './pages/records-pages';
import { StartPage } from './pages/start-page';

const PASSPHRASE = 'Пароль-для-теста-2026';
const NAME = 'Соловьёв Пётр Алексеевич';

test('exports a person’s data as a file and erases them for good', async ({ app, dataDir, saveScreenshot }) => {
  await new StartPage(app).createDatabase({
    name: 'Клиенты',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: PASSPHRASE,
  });
  const records = new RecordsPages(app.page);
  await records.createPerson({
    lastName: 'Соловьёв',
    firstName: 'Пётр',
    middleName: 'Алексеевич',
    phone: '8 916 123-45-67',
    email: 'p.soloviev@example.ru',
  });
  await expect(app.page.getByTestId('person-name')).toHaveText(NAME);

  const card = app.page.getByTestId('privacy-card');
  await expect(card.getByText('Персональные данные')).toBeVisible();
  await expect(card.getByText('не указано')).toHaveCount(2);
  await saveScreenshot('40-privacy-card-ru');

  // The export arrives as a download: one JSON file with everything.
  const downloadEvent = app.page.waitForEvent('download');
  await card.getByRole('button', { name: 'Выгрузить данные' }).click();
  const download = await downloadEvent;
  expect(download.suggestedFilename()).toMatch(/^Соловьёв Пётр Алексеевич — данные \d{4}-\d{2}-\d{2}\.json$/);
  const document = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(document.application).toBe('Kartoteka');
  expect(document.person.displayName).toBe(NAME);
  expect(document.person.phones[0].value).toBe('+79161234567');
  expect(document.person.emails[0].value).toBe('p.soloviev@example.ru');

  // Erasing needs the name typed back exactly.
  await card.getByRole('button', { name: 'Стереть навсегда' }).click();
  const dialog = app.page.getByRole('dialog');
  await expect(dialog.getByText('Это действие нельзя отменить', { exact: false })).toBeVisible();
  const confirmation = dialog.getByRole('textbox', { name: 'Чтобы подтвердить, введите имя контакта' });
  const submit = dialog.getByRole('button', { name: 'Стереть навсегда' });
  await confirmation.fill('Соловьёв Павел');
  await expect(dialog.getByText('Имя не совпадает')).toBeVisible();
  await expect(submit).toBeDisabled();
  await confirmation.fill(NAME);
  await expect(dialog.getByText('Имя не совпадает')).toHaveCount(0);
  await expect(submit).toBeEnabled();
  await saveScreenshot('41-erase-modal-ru');
  await submit.click();

  // Back on the list, with nobody left, and nothing to find by the phone.
  await expect(app.page.getByText('Контакт стёрт', { exact: false })).toBeVisible();
  await expect(app.page.getByTestId('record-count')).toHaveText('0');
  await records.search('8 916 123-45-67');
  await expect(app.page.getByText('По запросу «8 916 123-45-67» ничего не нашлось')).toBeVisible();
  await expect(app.page.getByTestId('search-hit')).toHaveCount(0);
});
