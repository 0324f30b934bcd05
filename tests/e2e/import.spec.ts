import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeManyPeopleCsv, writeWorkbook } from '../support/import-fixtures';
import { ImportPage } from './pages/import-page';
import { RecordsPages } from './pages/records-pages';
import { ShellPage } from './pages/shell-page';
import { StartPage } from './pages/start-page';
import { expect, test } from './support/fixtures';

const PASSPHRASE = 'Пароль-для-теста-2026';
const LONG_COMPANY = 'Общество с ограниченной ответственностью «Северо-Западная строительно-монтажная компания»';

/** A sheet as people keep it: a title row, a blank row, then the header and the data. */
async function writeClientsWorkbook(dir: string): Promise<string> {
  return writeWorkbook(
    dir,
    'клиенты-2026.xlsx',
    [
      ['Список клиентов на 01.03.2026', null, null, null, null, null],
      [null, null, null, null, null, null],
      ['ФИО', 'Телефон', 'E-mail', 'Организация', 'Дата рождения', 'Комментарий'],
      [
        'Иванов Иван Иванович',
        79161234567,
        'ivanov@example.ru',
        'ООО «Ромашка»',
        new Date(Date.UTC(1980, 1, 15)),
        'Звонить после 18:00',
      ],
      ['Петрова Мария Сергеевна', 79167654321, 'petrova@example.ru', 'ООО «Ромашка»', '05.03.1985', null],
      ['Сидоров Пётр Алексеевич', 79161112233, 'sidorov@example.ru', 'АО «Вектор»', null, 'Постоянный клиент'],
      ['Кузнецов Алексей', 79162223344, 'kuznetsov@@example', null, null, null],
      [null, 79160000000, 'noname@example.ru', null, null, 'Без имени'],
      [
        'Смирнова Ольга Владимировна',
        79163334455,
        'smirnova@example.ru',
        LONG_COMPANY,
        null,
        'Очень длинный комментарий о клиенте: просила перезвонить после отпуска и прислать коммерческое предложение',
      ],
      ['Волков Дмитрий', 79164445566, 'volkov@example.ru', 'АО «Вектор»', null, null],
      ['Римский-Корсаков Николай Андреевич', 79165556677, 'rimsky@example.ru', null, '18.03.1844', null],
    ],
    'Клиенты',
  );
}

test('import a messy Russian workbook: mapping, dry run, a fixed cell, report, people, undo', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  test.setTimeout(120_000);
  const page = app.page;
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-import-'));
  const file = await writeClientsWorkbook(filesDir);
  await new StartPage(app).createDatabase({
    name: 'Клиенты',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: PASSPHRASE,
  });
  const shell = new ShellPage(page);
  const records = new RecordsPages(page);
  const wizard = new ImportPage(page);
  await expect(shell.databaseName()).toHaveText('Клиенты');

  // 1. File.
  await wizard.open();
  await expect(page.getByRole('heading', { name: 'Импорт', exact: true })).toBeVisible();
  await saveScreenshot('70-import-file-ru');
  await page.locator('input[name="import-path"]').fill(path.join(filesDir, 'нет-такого.xlsx'));
  await page.getByRole('button', { name: 'Открыть', exact: true }).click();
  await expect(shell.errorAlert()).toContainText('Файл не найден');
  await wizard.openFile(file);

  // 2. Sheets and columns: the header row under the title is found and the columns suggested.
  await expect(page.locator('input[name="sheet-header-row"]')).toHaveValue('3');
  await expect(wizard.mappingRow('ФИО')).toContainText('ФИО целиком');
  await expect(wizard.mappingRow('Телефон')).toContainText('Телефон (мобильный)');
  await expect(wizard.mappingRow('E-mail')).toContainText('Эл. почта (рабочий)');
  await expect(wizard.mappingRow('Организация')).toContainText('Компания');
  await expect(wizard.mappingRow('Дата рождения')).toContainText('День рождения');
  await page.getByTestId('column-mapping').scrollIntoViewIfNeeded();
  await saveScreenshot('71-import-mapping-ru');

  // 3. Options.
  await wizard.next();
  await expect(page.getByTestId('import-mode')).toBeVisible();
  await saveScreenshot('72-import-options-ru');

  // 4. Dry run: counts, and the bad e-mail highlighted in the grid.
  await wizard.next();
  await wizard.dryRunSettled();
  await expect(wizard.summary()).toContainText('Будет добавлено 7, обновлено 0, пропущено 1');
  await expect(wizard.summary()).toContainText('Нет имени: 1');
  const badCell = page.getByTestId('problem-cell').filter({ hasText: 'kuznetsov@@example' });
  await expect(badCell).toBeVisible();
  await expect(wizard.gridRow('Без имени').getByTestId('row-action')).toHaveText('Пропуск');
  await saveScreenshot('73-import-dry-run-ru');

  // Correct the cell in the grid and click elsewhere: the fix is kept, the dry run runs again and
  // the problem is gone.
  await wizard.fixCell('kuznetsov@@example', 'kuznetsov@example.ru', wizard.summary());
  await wizard.dryRunSettled();
  await expect(wizard.gridRow('Кузнецов Алексей')).toContainText('kuznetsov@example.ru');
  await expect(wizard.gridRow('Кузнецов Алексей').getByTestId('problem-cell')).toHaveCount(0);
  await wizard.filter(/^Проблемы$/);
  await expect(page.getByTestId('grid-row')).toHaveCount(1);
  await saveScreenshot('74-import-dry-run-fixed-ru');
  await wizard.filter(/^Все строки$/);

  // 5. Import and the report.
  await wizard.next();
  await saveScreenshot('75-import-run-ru');
  await wizard.run();
  await expect(wizard.report()).toBeVisible();
  await expect(page.getByTestId('report-created')).toHaveText('10Добавлено');
  await expect(page.getByTestId('report-skipped')).toHaveText('1Пропущено');
  await page.locator('input[name="skipped-path"]').fill(path.join(filesDir, 'пропущенные.xlsx'));
  await page.getByRole('button', { name: /Скачать пропущенные строки/ }).click();
  await expect(page.getByTestId('skipped-saved')).toBeVisible();
  expect(fs.existsSync(path.join(filesDir, 'пропущенные.xlsx'))).toBe(true);
  await saveScreenshot('76-import-report-ru');

  // The people are there.
  await page.getByRole('button', { name: 'Открыть контакты' }).click();
  await expect(page.getByTestId('record-count')).toHaveText('7');
  await expect(page.getByRole('row').filter({ hasText: 'Римский-Корсаков' })).toBeVisible();

  // History: undo the import (the history screen is another part of the app).
  await wizard.openHistory();
  const undo = page.getByRole('button', { name: /Отменить импорт|Undo import/ }).first();
  await expect(undo).toBeVisible();
  await undo.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /Да, отменить|Yes, undo|Отменить импорт|Undo import/ }).click();
  await expect(dialog).toHaveCount(0);
  await records.openSection(/^Контакты$/);
  await expect(page.getByText(/Контактов пока нет/)).toBeVisible();

  // The mapping and the grid in English.
  await records.openSection(/^Настройки$/);
  await shell.switchLanguage('English');
  // The wizard still shows the last report (it stays until the user starts another import).
  await wizard.open();
  await expect(wizard.report()).toBeVisible();
  await page.getByRole('button', { name: 'Import another file' }).click();
  await wizard.openFile(file);
  await expect(wizard.mappingRow('ФИО')).toContainText('Full name');
  await page.getByTestId('column-mapping').scrollIntoViewIfNeeded();
  await saveScreenshot('77-import-mapping-en');
  await wizard.next();
  await wizard.next();
  await wizard.dryRunSettled();
  await expect(wizard.summary()).toContainText('Will add 7, update 0, skip 1');
  await saveScreenshot('78-import-dry-run-en');
  fs.rmSync(filesDir, { recursive: true, force: true });
});

test('a long import shows its progress and can be cancelled', async ({ app, dataDir, saveScreenshot }) => {
  test.setTimeout(180_000);
  const page = app.page;
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-import-'));
  // Long enough that the run is still going when «Прервать» is pressed on a quiet machine.
  const file = writeManyPeopleCsv(filesDir, 60_000);
  await new StartPage(app).createDatabase({
    name: 'Клиенты',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: PASSPHRASE,
  });
  const wizard = new ImportPage(page);
  await expect(new ShellPage(page).databaseName()).toHaveText('Клиенты');
  await wizard.start(file);
  await wizard.next();
  // The CSV's encoding and delimiter are shown on the file step.
  await page.getByRole('button', { name: /Файл/ }).first().click();
  await expect(page.getByTestId('import-file')).toContainText('csv');
  await expect(page.locator('input[name="import-path"]')).toHaveValue(file);
  await saveScreenshot('79-import-csv-file-ru');
  await wizard.next();
  await wizard.next();
  await wizard.next();
  await expect(wizard.summary()).toContainText('Будет добавлено 60\u00a0000', { timeout: 90_000 });
  await wizard.next();
  await wizard.run();
  await expect(page.getByTestId('run-progress')).toBeVisible();
  await expect(page.getByTestId('run-progress')).toContainText(/[1-9][\d\s]* из 60\s000 строк/, { timeout: 30_000 });
  await saveScreenshot('80-import-progress-ru');
  await page.getByRole('button', { name: 'Прервать' }).click();
  await expect(page.getByTestId('error-alert')).toContainText('Операция отменена');
  await expect(page.getByRole('button', { name: 'Назад' })).toBeVisible();
  await saveScreenshot('81-import-cancelled-ru');
  fs.rmSync(filesDir, { recursive: true, force: true });
});
