import path from 'node:path';
import { expect, test } from './support/fixtures';
import { RecordsPages } from './pages/records-pages';
import { ShellPage } from './pages/shell-page';
import { StartPage } from './pages/start-page';

const survivorName = 'ООО «Гидроспецфундаментстрой-Северо-Запад»';
const mergedName = 'Гидроспецфундаментстрой-Северо-Запад, АО';

test('find duplicate companies, merge them with their people, then unmerge', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  await new StartPage(app).createDatabase({
    name: 'Клиенты',
    path: path.join(dataDir, 'companies.kartoteka'),
    passphrase: 'Пароль-для-теста-2026',
  });
  const records = new RecordsPages(app.page);
  const page = app.page;
  await records.createCompany({ name: survivorName, phone: '8 812 555-44-33' });
  await records.createCompany({
    name: mergedName,
    industry: 'Строительство гидротехнических сооружений',
    city: 'Санкт-Петербург',
    phone: '+7 (812) 555-44-33',
  });
  await records.createPerson({ lastName: 'Сидорова', firstName: 'Анна', company: mergedName });

  await records.openSection(/^Компании$/);
  await expect(page.getByTestId('record-count')).toHaveText('2');
  await page.getByRole('button', { name: 'Дубликаты' }).click();
  await expect(page.getByRole('heading', { name: 'Дубликаты компаний' })).toBeVisible();
  await expect(page.getByTestId('duplicate-group').filter({ hasText: 'Одинаковый телефон' })).toContainText(
    '+7 812 555-44-33',
  );
  const group = page.getByTestId('duplicate-group').filter({ hasText: 'Одинаковое название' });
  await expect(group).toContainText(mergedName);
  await saveScreenshot('52-company-duplicates-ru');

  await group.getByRole('button', { name: 'Сравнить и объединить' }).click();
  await expect(page.getByTestId('merge-table')).toContainText('Строительство гидротехнических сооружений');
  await expect(page.getByText('Сотрудники компании')).toContainText('1 сотрудник');
  await saveScreenshot('53-company-merge-ru');
  await page.getByRole('button', { name: 'Объединить', exact: true }).click();

  await expect(page.getByTestId('company-name')).toHaveText(survivorName);
  await expect(page.getByText('Строительство гидротехнических сооружений').first()).toBeVisible();
  await expect(page.getByTestId('merge-history')).toContainText(mergedName);
  await expect(page.getByRole('link', { name: 'Сидорова Анна' })).toBeVisible();
  await saveScreenshot('54-company-merged-ru');

  await records.openSection(/^Компании$/);
  await expect(page.getByTestId('record-count')).toHaveText('1');
  await page.getByRole('button', { name: 'Дубликаты' }).click();
  await expect(page.getByTestId('duplicates-none')).toHaveText('Дубликатов не найдено.');
  await saveScreenshot('55-company-duplicates-empty-ru');

  await records.openSection(/^Компании$/);
  await page.getByRole('row').filter({ hasText: survivorName }).click();
  await page.getByTestId('merge-history').getByRole('button', { name: 'Разъединить' }).click();
  await expect(page.getByTestId('merge-history')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Сидорова Анна' })).toBeHidden();
  await records.openSection(/^Компании$/);
  await expect(page.getByTestId('record-count')).toHaveText('2');
  await page.getByRole('row').filter({ hasText: mergedName }).click();
  await expect(page.getByRole('link', { name: 'Сидорова Анна' })).toBeVisible();
});

test('the company duplicates and merge screens in English', async ({ app, dataDir, saveScreenshot }) => {
  await new StartPage(app).createDatabase({
    name: 'Clients',
    path: path.join(dataDir, 'en-companies.kartoteka'),
    passphrase: 'a passphrase 2026',
  });
  const records = new RecordsPages(app.page);
  const page = app.page;
  await records.openSection(/^Настройки$/);
  await new ShellPage(page).switchLanguage('English');
  await records.openSection(/^Companies$/);
  await page.getByRole('button', { name: 'Duplicates' }).click();
  await expect(page.getByTestId('duplicates-none')).toHaveText('No duplicates found.');
  await saveScreenshot('56-company-duplicates-empty-en');

  await records.createCompany({ name: 'Hansen Logistics LLC', industry: 'Freight forwarding', city: 'Riga' });
  await records.createCompany({ name: 'Hansen Logistcs Ltd.', phone: '+371 2000 0000' });
  await records.openSection(/^Companies$/);
  await page.getByRole('button', { name: 'Duplicates' }).click();
  const group = page.getByTestId('duplicate-group').filter({ hasText: 'Similar name' });
  await expect(group).toContainText('Hansen Logistcs Ltd.');
  await saveScreenshot('57-company-duplicates-en');
  await group.getByRole('button', { name: 'Compare and merge' }).click();
  await expect(page.getByRole('heading', { name: 'Merge companies' })).toBeVisible();
  await expect(page.getByTestId('merge-table')).toContainText('Freight forwarding');
  // Nobody works at the merged company: the note doesn't count "0 people".
  await expect(page.getByText('moves to the company that stays')).toHaveText(
    'The whole timeline of Hansen Logistcs Ltd. moves to the company that stays.',
  );
  await page.getByRole('radio', { name: 'Name: Hansen Logistcs Ltd.' }).check();
  await saveScreenshot('58-company-merge-en');
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.getByTestId('company-name')).toHaveText('Hansen Logistcs Ltd.');
  await expect(page.getByTestId('merge-history')).toContainText('Hansen Logistcs Ltd.');
  await saveScreenshot('59-company-merged-en');
  await page.getByTestId('merge-history').getByRole('button', { name: 'Unmerge' }).click();
  await expect(page.getByTestId('company-name')).toHaveText('Hansen Logistics LLC');
  await expect(page.getByTestId('merge-history')).toBeHidden();
});
