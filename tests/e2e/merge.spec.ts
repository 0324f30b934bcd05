import path from 'node:path';
import { expect, test } from './support/fixtures';
import { RecordsPages } from './pages/records-pages';
import { ShellPage } from './pages/shell-page';
import { StartPage } from './pages/start-page';

test('find a duplicate, merge it side by side, then unmerge it', async ({ app, dataDir, saveScreenshot }) => {
  await new StartPage(app).createDatabase({
    name: 'Клиенты',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: 'Пароль-для-теста-2026',
  });
  const records = new RecordsPages(app.page);
  await records.createPerson({
    lastName: 'Петров',
    firstName: 'Пётр',
    phone: '8 903 555-00-11',
    email: 'petrov@example.ru',
  });
  await records.createPerson({
    lastName: 'Петров',
    firstName: 'Пётр',
    position: 'Главный инженер проекта',
    email: 'PETROV@example.ru',
  });

  await records.openSection(/^Контакты$/);
  await expect(app.page.getByTestId('record-count')).toHaveText('2');
  await app.page.getByRole('button', { name: 'Дубликаты' }).click();
  const group = app.page.getByTestId('duplicate-group').filter({ hasText: 'Одинаковая почта' });
  await expect(group).toContainText('petrov@example.ru');
  await saveScreenshot('50-duplicates-ru');

  await group.getByRole('button', { name: 'Сравнить и объединить' }).click();
  await expect(app.page.getByTestId('merge-table')).toContainText('Главный инженер проекта');
  await saveScreenshot('51-merge-ru');
  await app.page.getByRole('button', { name: 'Объединить', exact: true }).click();
  await expect(app.page.getByTestId('person-name')).toHaveText('Петров Пётр');
  await expect(app.page.getByText('Главный инженер проекта').first()).toBeVisible();
  await expect(app.page.getByText('Объединённые записи')).toBeVisible();

  // The merged-away copy's own screen (an old link, Back) says where it went and offers no restore.
  const survivorUrl = app.page.url();
  const survivorId = Number(survivorUrl.split('/').pop());
  await app.page.evaluate((id) => (window.location.hash = `#/people/${id}`), survivorId === 1 ? 2 : 1);
  await expect(app.page.getByTestId('merged-record')).toContainText('Объединена с другой записью');
  await expect(app.page.getByRole('button', { name: 'Восстановить' })).toHaveCount(0);
  await expect(app.page.getByRole('button', { name: 'Изменить' })).toHaveCount(0);
  await saveScreenshot('49-merged-copy-ru');
  await app.page.getByRole('link', { name: 'Открыть основную запись' }).click();
  await expect(app.page).toHaveURL(survivorUrl);
  await expect(app.page.getByText('Объединённые записи')).toBeVisible();

  await records.openSection(/^Контакты$/);
  await expect(app.page.getByTestId('record-count')).toHaveText('1');

  await app.page.getByRole('row').filter({ hasText: 'Петров Пётр' }).click();
  await app.page.getByRole('button', { name: 'Разъединить' }).click();
  await expect(app.page.getByText('Объединённые записи')).toBeHidden();
  await records.openSection(/^Контакты$/);
  await expect(app.page.getByTestId('record-count')).toHaveText('2');
});

test('the duplicates, merge and person screens in English', async ({ app, dataDir, saveScreenshot }) => {
  await new StartPage(app).createDatabase({
    name: 'Clients',
    path: path.join(dataDir, 'en.kartoteka'),
    passphrase: 'a passphrase 2026',
  });
  const records = new RecordsPages(app.page);
  await records.openSection(/^Настройки$/);
  await new ShellPage(app.page).switchLanguage('English');
  await records.createPerson({
    lastName: 'Кузнецова-Оболенская',
    firstName: 'Александра',
    middleName: 'Владимировна',
    email: 'a.kuz@example.ru',
    phone: '8 916 000-11-22',
  });
  await app.page.getByRole('button', { name: 'Log activity' }).click();
  await app.page.locator('input[name="activity-subject"]').fill('Введение в проект');
  await app.page.getByRole('button', { name: 'Save' }).click();
  await expect(app.page.getByTestId('activity')).toContainText('Введение в проект');
  await saveScreenshot('60-person-detail-en');
  await records.createPerson({
    lastName: 'Кузнецова-Оболенская',
    firstName: 'Александра',
    position: 'Commercial director',
    email: 'A.Kuz@example.ru',
  });

  await records.openSection(/^People$/);
  await app.page.getByRole('button', { name: 'Duplicates' }).click();
  await expect(app.page.getByTestId('duplicate-group').first()).toContainText('Same e-mail');
  await saveScreenshot('61-duplicates-en');
  await app.page.getByTestId('duplicate-group').first().getByRole('button', { name: 'Compare and merge' }).click();
  await expect(app.page.getByTestId('merge-table')).toContainText('Commercial director');
  await saveScreenshot('62-merge-en');
});
