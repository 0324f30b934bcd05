import path from 'node:path';
import { expect, test } from './support/fixtures';
import { RecordsPages } from './pages/records-pages';
import { ShellPage } from './pages/shell-page';
import { StartPage } from './pages/start-page';

const PASSPHRASE = 'Пароль-для-теста-2026';
const LONG_COMPANY =
  'Общество с ограниченной ответственностью «Северо-Западная строительно-монтажная компания имени Ленинградского механического завода»';

test('companies, people, a logged call and search by a phone typed differently', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  await new StartPage(app).createDatabase({
    name: 'Клиенты',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: PASSPHRASE,
  });
  const shell = new ShellPage(app.page);
  const records = new RecordsPages(app.page);
  await expect(shell.databaseName()).toHaveText('Клиенты');

  await records.openSection(/^Контакты$/);
  await expect(app.page.getByText(/Контактов пока нет/)).toBeVisible();
  await saveScreenshot('20-people-empty-ru');

  await records.createCompany({
    name: LONG_COMPANY,
    industry: 'Строительство',
    city: 'Санкт-Петербург',
    phone: '8 (812) 555-12-34',
  });
  await saveScreenshot('21-company-detail-ru');

  await records.createPerson({
    lastName: 'Соловьёв-Седой',
    firstName: 'Константин',
    middleName: 'Вениаминович',
    company: LONG_COMPANY,
    position: 'Генеральный директор',
    phone: '8 916 123-45-67',
    email: 'K.Soloviev@Example.RU',
    tags: ['VIP'],
  });
  await expect(app.page.getByTestId('person-name')).toHaveText('Соловьёв-Седой Константин Вениаминович');
  await expect(app.page.getByTestId('phone')).toHaveText('+7 916 123-45-67');
  await expect(app.page.getByText('k.soloviev@example.ru')).toBeVisible();

  // Log a call on the timeline.
  await app.page.getByRole('button', { name: 'Добавить событие' }).click();
  await app.page.locator('input[name="activity-subject"]').fill('Обсудили поставку');
  await app.page.locator('input[name="activity-outcome"]').fill('Договорились о встрече');
  await app.page.locator('textarea[name="activity-body"]').fill('Перезвонить в пятницу, уточнить объём.');
  await app.page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(app.page.getByTestId('activity')).toContainText('Обсудили поставку');
  await saveScreenshot('22-person-detail-ru');

  await records.createPerson({
    lastName: 'Smith',
    firstName: 'Anna',
    phone: '+44 20 7946 0958',
    email: 'anna@example.co.uk',
  });

  await records.openSection(/^Контакты$/);
  await expect(app.page.getByTestId('record-count')).toHaveText('2');
  await expect(
    app.page
      .getByRole('row')
      .filter({ hasText: 'Smith Anna' })
      .or(app.page.getByRole('row').filter({ hasText: 'Anna Smith' })),
  ).toBeVisible();
  await saveScreenshot('23-people-list-ru');
  // A company name cut off in its cell shows whole when hovered; a name that fits shows no title.
  const companyCell = app.page.getByRole('gridcell').filter({ hasText: 'Общество с ограниченной' }).first();
  await companyCell.hover();
  await expect(companyCell).toHaveAttribute('title', LONG_COMPANY);
  const shortCell = app.page.getByRole('gridcell', { name: /^(Smith Anna|Anna Smith)$/ });
  await shortCell.hover();
  await expect(shortCell).not.toHaveAttribute('title');

  // The same number written another way finds the person.
  await records.search('+7 (916) 123 45 67');
  await expect(app.page.getByTestId('search-hit').first()).toContainText('Соловьёв-Седой Константин');
  await saveScreenshot('24-search-phone-ru');
  await app.page.getByTestId('search-hit').first().click();
  await expect(app.page.getByTestId('person-name')).toHaveText('Соловьёв-Седой Константин Вениаминович');

  // Filter the list by tag. Esc closes the tags drop-down only, the condition stays; Enter applies it.
  await records.openSection(/^Контакты$/);
  await app.page.getByRole('button', { name: 'Фильтр' }).click();
  await app.page.getByRole('combobox', { name: 'Поле' }).click();
  await app.page.getByRole('option', { name: 'Теги' }).click();
  await app.page.getByRole('combobox', { name: 'Значение' }).click();
  await app.page.getByRole('option', { name: 'VIP' }).click();
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByRole('listbox')).toBeHidden();
  await expect(app.page.getByTestId('filter-condition')).toContainText('VIP');
  await app.page.keyboard.press('Enter');
  await expect(app.page.getByTestId('filter-condition')).toHaveCount(0);
  await expect(app.page.getByTestId('record-count')).toHaveText('1');
  await saveScreenshot('25-people-filtered-ru');

  // Save the filter as a view: it shows with its count.
  await app.page.getByRole('button', { name: 'Сохранить как вид' }).click();
  await app.page.locator('input[name="view-name"]').fill('VIP-клиенты');
  await app.page.getByRole('dialog').getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(app.page.getByTestId('saved-views').getByText('VIP-клиенты')).toBeVisible();
  await expect(app.page.getByTestId('view-count')).toHaveText('1');

  // Back to everyone, select all and tag them in one go.
  await app.page.getByTestId('saved-views').getByText('Все', { exact: true }).click();
  await expect(app.page.getByTestId('record-count')).toHaveText('2');
  await app.page.getByRole('checkbox', { name: 'Выбрать все' }).check();
  await expect(app.page.getByTestId('bulk-bar')).toContainText('Выбраны 2 записи');
  await saveScreenshot('27-people-bulk-ru');
  await app.page.getByRole('button', { name: 'Добавить тег' }).click();
  await app.page.getByRole('combobox', { name: 'Теги' }).fill('Рассылка');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.press('Tab');
  await app.page.getByRole('button', { name: 'Применить' }).click();
  await expect(app.page.getByText('Изменены 2 записи')).toBeVisible();
  await expect(app.page.getByRole('row').filter({ hasText: 'Рассылка' })).toHaveCount(2);
  await expect(app.page.getByTestId('view-count')).toHaveText('1');

  // Hide a column and move another: the header follows.
  await app.page.getByRole('button', { name: 'Столбцы' }).click();
  await app.page.getByTestId('columns-menu').getByRole('checkbox', { name: 'Должность' }).uncheck();
  await app.page.getByRole('button', { name: 'Поднять «Город»' }).click();
  await expect(app.page.getByRole('columnheader', { name: 'Должность' })).toHaveCount(0);
  await app.page.keyboard.press('Escape');
  const headers = await app.page.getByRole('columnheader').allTextContents();
  expect(headers.indexOf('Город')).toBeLessThan(headers.indexOf('E-mail'));

  // English screens too.
  await records.openSection(/^Настройки$/);
  await shell.switchLanguage('English');
  await records.openSection(/^People$/);
  await expect(app.page.getByRole('heading', { name: 'People' })).toBeVisible();
  await saveScreenshot('26-people-list-en');
});
