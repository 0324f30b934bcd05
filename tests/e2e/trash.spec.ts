import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeWorkbook } from '../support/import-fixtures';
import { ImportPage } from './pages/import-page';
import { expect, test } from './support/fixtures';
import { dismissNotifications } from './support/notifications';
import { RecordsPages } from './pages/records-pages';
import { ShellPage } from './pages/shell-page';
import { StartPage } from './pages/start-page';

const LONG_NAME = 'Константинопольская-Преображенская Евфросиния Вячеславовна';

test('trash a person, undo it, restore from the trash, delete for good and empty the trash', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  const { page } = app;
  await new StartPage(app).createDatabase({
    name: 'Клиенты',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: 'Пароль-для-корзины-2026',
  });
  const records = new RecordsPages(page);
  const shell = new ShellPage(page);
  await records.createPerson({ lastName: 'Фомин', firstName: 'Игорь' });
  await records.createPerson({ lastName: 'Гришина', firstName: 'Алла' });
  await records.createPerson({
    lastName: 'Константинопольская-Преображенская',
    firstName: 'Евфросиния',
    middleName: 'Вячеславовна',
  });
  const trashFromDetail = async () => {
    await page.getByRole('button', { name: 'В корзину' }).click();
    await expect(page.getByTestId('record-count')).toBeVisible();
  };

  // From the person's screen to the trash, and straight back with the notification's undo.
  await trashFromDetail();
  await expect(page.getByTestId('record-count')).toHaveText('2');
  await page.getByRole('button', { name: 'Отменить' }).click();
  await expect(page.getByTestId('record-count')).toHaveText('3');
  await dismissNotifications(page);

  // Two people to the trash; the overview counts them there.
  for (const name of [LONG_NAME, 'Фомин Игорь']) {
    await page.getByRole('row').filter({ hasText: name }).click();
    await expect(page.getByTestId('person-name')).toHaveText(name);
    await trashFromDetail();
  }
  await expect(page.getByTestId('record-count')).toHaveText('1');
  await dismissNotifications(page);
  await shell.navigate(/^Обзор$/);
  await expect(page.getByTestId('people:count-total')).toHaveText('1');
  await expect(page.getByText('в корзине: 2')).toBeVisible();

  // The trash view: what is in it, and the way out.
  await records.openSection(/^Контакты$/);
  await page.getByRole('radiogroup').getByText('Корзина', { exact: true }).click();
  await expect(page.getByTestId('record-count')).toHaveText('2');
  const bar = page.getByTestId('trash-bar');
  await expect(bar).toContainText('В корзине: 2');
  await saveScreenshot('28-people-trash-ru');

  // A trashed person's screen says so and offers the restore.
  await page.getByRole('row').filter({ hasText: LONG_NAME }).click();
  await expect(page.getByTestId('trashed-record')).toContainText('В корзине с');
  await expect(page.getByRole('button', { name: 'Изменить' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Добавить событие' })).toHaveCount(0);
  await saveScreenshot('29-person-in-trash-ru');
  await page.getByRole('button', { name: 'Восстановить' }).click();
  await expect(page.getByTestId('trashed-record')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Изменить' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Добавить событие' })).toBeVisible();

  // Picked from the trash and deleted for good, after a confirmation.
  await page.getByRole('button', { name: 'К списку' }).click();
  await page.getByRole('radiogroup').getByText('Корзина', { exact: true }).click();
  await expect(page.getByTestId('record-count')).toHaveText('1');
  await page.getByRole('row').filter({ hasText: 'Фомин Игорь' }).getByRole('checkbox').check();
  await expect(bar).toContainText('Выбрана 1 запись');
  await bar.getByRole('button', { name: 'Удалить навсегда' }).click();
  const confirm = page.getByRole('dialog', { name: 'Удалить навсегда?' });
  await expect(confirm).toContainText('без возможности восстановления');
  // Let the dialog finish its opening transition before the picture.
  await page.waitForTimeout(300);
  await saveScreenshot('30-people-delete-forever-ru');
  await confirm.getByRole('button', { name: 'Удалить навсегда' }).click();
  await expect(page.getByText('Удалено навсегда: 1')).toBeVisible();
  await expect(page.getByTestId('record-count')).toHaveText('0');
  await expect(bar.getByRole('button', { name: 'Очистить корзину' })).toBeDisabled();
  await dismissNotifications(page);

  // Emptying the whole trash, in English this time.
  await page.getByRole('radiogroup').getByText('Все', { exact: true }).click();
  await page.getByRole('row').filter({ hasText: 'Гришина Алла' }).click();
  await trashFromDetail();
  await dismissNotifications(page);
  await records.openSection(/^Настройки$/);
  await shell.switchLanguage('English');
  await records.openSection(/^People$/);
  await page.getByRole('radiogroup').getByText('Trash', { exact: true }).click();
  await expect(page.getByTestId('record-count')).toHaveText('1');
  await expect(bar).toContainText('In the trash: 1');
  await saveScreenshot('31-people-trash-en');
  await bar.getByRole('button', { name: 'Empty the trash' }).click();
  const emptyDialog = page.getByRole('dialog', { name: 'Empty the trash?' });
  await emptyDialog.getByRole('button', { name: 'Empty the trash' }).click();
  await expect(page.getByText('Deleted forever: 1')).toBeVisible();
  await expect(page.getByTestId('record-count')).toHaveText('0');
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await page.getByRole('radiogroup').getByText('All', { exact: true }).click();
  await expect(page.getByTestId('record-count')).toHaveText('1');
  await expect(page.getByRole('row').filter({ hasText: LONG_NAME })).toBeVisible();
});

test('delete a company for good from the trash: its people stay, without it', async ({ app, dataDir }) => {
  const { page } = app;
  await new StartPage(app).createDatabase({
    name: 'Клиенты',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: 'Пароль-для-корзины-2026',
  });
  const records = new RecordsPages(page);
  await records.createCompany({ name: 'ООО «Закрытая лавочка»' });
  await records.createPerson({ lastName: 'Сотрудникова', firstName: 'Вера', company: 'ООО «Закрытая лавочка»' });
  await page.getByRole('link', { name: 'ООО «Закрытая лавочка»' }).click();
  await page.getByRole('button', { name: 'В корзину' }).click();
  await expect(page.getByTestId('record-count')).toHaveText('0');

  await page.getByRole('radiogroup').getByText('Корзина', { exact: true }).click();
  await page.getByRole('row').filter({ hasText: 'Закрытая лавочка' }).getByRole('checkbox').check();
  await page.getByTestId('trash-bar').getByRole('button', { name: 'Удалить навсегда' }).click();
  const confirm = page.getByRole('dialog', { name: 'Удалить навсегда?' });
  await expect(confirm).toContainText('Сотрудники этих компаний останутся в базе, но без компании.');
  await confirm.getByRole('button', { name: 'Удалить навсегда' }).click();
  await expect(page.getByText('Удалено навсегда: 1')).toBeVisible();
  await expect(page.getByTestId('record-count')).toHaveText('0');

  await records.openSection(/^Контакты$/);
  const row = page.getByRole('row').filter({ hasText: 'Сотрудникова Вера' });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText('Закрытая лавочка');
});

test('moving many records to the trash asks first, then offers undo', async ({ app, dataDir, saveScreenshot }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await new StartPage(app).createDatabase({
    name: 'Клиенты',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: 'Пароль-для-корзины-2026',
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-bulk-trash-'));
  const file = await writeWorkbook(dir, 'клиенты.xlsx', [
    ['ФИО', 'E-mail'],
    ...Array.from({ length: 150 }, (_, index) => [`Клиентова Анна ${index + 1}`, `anna${index + 1}@example.ru`]),
  ]);
  const wizard = new ImportPage(page);
  await wizard.start(file);
  await wizard.runFromMapping();
  await expect(page.getByTestId('report-created')).toHaveText('150Добавлено');

  const records = new RecordsPages(page);
  await records.openSection(/^Контакты$/);
  await expect(page.getByTestId('record-count')).toHaveText('150');
  await page.getByRole('checkbox', { name: 'Выбрать все' }).check();
  await expect(page.getByTestId('bulk-bar')).toContainText('Выбрано 150 записей');
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'В корзину' }).click();
  const dialog = page.getByRole('dialog', { name: 'Переместить в корзину 150 записей?' });
  await expect(dialog).toContainText('Вернуть их можно из корзины');
  // Let the dialog finish its opening transition before the picture.
  await page.waitForTimeout(300);
  await saveScreenshot('129-bulk-trash-confirm-ru');
  // Cancel leaves them all; confirming moves them, and the notice's undo brings them back.
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  await expect(page.getByTestId('record-count')).toHaveText('150');
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'В корзину' }).click();
  await dialog.getByRole('button', { name: 'В корзину' }).click();
  await expect(page.getByTestId('record-count')).toHaveText('0');
  await page.getByRole('button', { name: 'Отменить' }).click();
  await expect(page.getByTestId('record-count')).toHaveText('150');
  fs.rmSync(dir, { recursive: true, force: true });
});
