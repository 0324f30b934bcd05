import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { invokeHost } from './support/host-api';
import { RecordsPages } from './pages/records-pages';
import { ShellPage } from './pages/shell-page';
import { StartPage } from './pages/start-page';

const PASSPHRASE = 'Пароль-для-экспорта-2026';

/** The browser host has no save dialog: the export asks for the file's path in a modal. */
async function saveExportTo(page: Page, file: string) {
  const dialog = page.getByRole('dialog', { name: /Куда сохранить файл|Where to save the file/ });
  await dialog.getByRole('textbox', { name: /Путь к файлу|File path/ }).fill(file);
  await dialog.getByRole('button', { name: /^(Сохранить|Save)$/ }).click();
  await expect(dialog).toBeHidden();
}

async function readSheetRows(file: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((value) => (value === null || value === undefined ? '' : String(value))));
  });
  return rows;
}

/** Opens and runs an import the way the wizard does, over the browser host's API. */
async function runImportThroughApi(page: Page, file: string) {
  const opened = await invokeHost<{
    sessionId: string;
    sheets: Array<{ name: string; headerRow: number; columns: Array<{ index: number; targets: string[] }> }>;
  }>(page, 'import:open', { path: file });
  const setup = {
    sheets: opened.sheets.map((sheet) => ({
      sheet: sheet.name,
      entity: 'person',
      headerRow: sheet.headerRow,
      columns: sheet.columns.map((column) => ({ index: column.index, targets: column.targets })),
    })),
  };
  await invokeHost(page, 'import:run', { sessionId: opened.sessionId, setup });
}

test('export the people list and a selection, the whole database, and the empty import history', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  const page = app.page;
  await new StartPage(app).createDatabase({
    name: 'Экспорт',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: PASSPHRASE,
  });
  const shell = new ShellPage(page);
  const records = new RecordsPages(page);
  await expect(shell.databaseName()).toHaveText('Экспорт');

  await records.createPerson({
    lastName: 'Иванов',
    firstName: 'Пётр',
    phone: '8 916 123-45-67',
    email: 'petr@example.ru',
  });
  await records.createPerson({ lastName: 'Smith', firstName: 'Anna', email: 'anna@example.co.uk' });
  await records.openSection(/^Контакты$/);
  await expect(page.getByTestId('record-count')).toHaveText('2');

  // The whole list to .xlsx from the toolbar.
  await page.getByRole('button', { name: /^Экспорт$/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Excel (.xlsx)' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /CSV для старого Excel/ })).toBeVisible();
  await page.waitForTimeout(300);
  await saveScreenshot('90-export-menu-ru');
  await page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click();
  await expect(page.getByRole('textbox', { name: 'Путь к файлу' })).toHaveValue(/Контакты \d{4}-\d{2}-\d{2}\.xlsx$/);
  await saveScreenshot('91-export-path-ru');
  const xlsx = path.join(dataDir, 'люди.xlsx');
  await saveExportTo(page, xlsx);
  await expect(page.getByText('Выгружены 2 строки')).toBeVisible();
  await expect(page.getByText(xlsx)).toBeVisible();

  const rows = await readSheetRows(xlsx);
  expect(rows).toHaveLength(3);
  expect(rows[0]).toEqual(expect.arrayContaining(['Фамилия', 'Имя', 'Компания', 'Мобильный телефон', 'Теги']));
  // Only the list's visible columns: no notes or consents.
  expect(rows[0]).not.toContain('Заметки');
  const cells = rows.slice(1).flat();
  expect(cells).toEqual(expect.arrayContaining(['Иванов', 'Пётр', 'Smith', 'Anna']));
  // In the list's order (by name, Latin before Cyrillic), not in the order the records were made.
  expect(rows[1]).toContain('Smith');
  expect(rows[2]).toContain('Иванов');

  // Sorted the other way on screen, the file follows.
  const nameHeader = page.getByRole('columnheader', { name: 'Имя', exact: true });
  await nameHeader.click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('row').nth(1)).toContainText('Иванов');
  await page.getByRole('button', { name: /^Экспорт$/ }).click();
  await page.getByRole('menuitem', { name: 'CSV (UTF-8)' }).click();
  const sortedCsv = path.join(dataDir, 'по-имени.csv');
  await saveExportTo(page, sortedCsv);
  await expect(page.getByText(sortedCsv)).toBeVisible();
  const sortedLines = fs.readFileSync(sortedCsv, 'utf8').split('\r\n');
  expect(sortedLines[1]).toContain('Иванов');
  expect(sortedLines[2]).toContain('Smith');

  // The selection as CSV for old Excel: Windows-1251 and ";".
  await page.getByRole('row').filter({ hasText: 'Иванов' }).getByRole('checkbox').check();
  const bulkBar = page.getByTestId('bulk-bar');
  await expect(bulkBar).toContainText('Выбрана 1 запись');
  await bulkBar.getByRole('button', { name: /^Экспорт$/ }).click();
  await page.getByRole('menuitem', { name: /CSV для старого Excel/ }).waitFor();
  await page.waitForTimeout(300);
  await saveScreenshot('98-export-selection-ru');
  await page.getByRole('menuitem', { name: /CSV для старого Excel/ }).click();
  const csv = path.join(dataDir, 'выбранные.csv');
  await saveExportTo(page, csv);
  await expect(page.getByText('Выгружена 1 строка')).toBeVisible();
  const text = iconv.decode(fs.readFileSync(csv), 'win1251');
  expect(text).toContain(';');
  expect(text).toContain('Иванов');
  expect(text).toContain('Фамилия');
  expect(text).not.toContain('Smith');

  // A bad folder is reported in the modal and the path can be corrected.
  await page
    .getByRole('button', { name: /^Экспорт$/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name: 'CSV (UTF-8)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Куда сохранить файл' });
  await dialog.getByRole('textbox', { name: 'Путь к файлу' }).fill(path.join(dataDir, 'нет-такой-папки', 'x.csv'));
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByTestId('error-alert')).toBeVisible();
  await dialog.getByRole('button', { name: 'Отмена' }).click();

  // Everything, from the overview.
  await shell.navigate(/^Обзор$/);
  await page.getByRole('button', { name: 'Выгрузить все данные (.xlsx)' }).click();
  const everything = path.join(dataDir, 'всё.xlsx');
  await saveExportTo(page, everything);
  await expect(page.getByText(everything)).toBeVisible();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(everything);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Люди', 'Компании']));
  await saveScreenshot('92-overview-export-ru');

  // No import yet: the history says so and offers one.
  await page.evaluate(() => (window.location.hash = '#/import/history'));
  await expect(page.getByTestId('import-history-empty')).toContainText('Импортов пока не было');
  await expect(page.getByRole('button', { name: 'Новый импорт' }).first()).toBeVisible();
  await saveScreenshot('96-import-history-empty-ru');

  // An import (run through the API, as the wizard would) shows up and can be undone.
  const importFile = path.join(dataDir, 'клиенты.csv');
  fs.writeFileSync(importFile, 'Фамилия,Имя,E-mail\nПетрова,Мария,maria@example.ru\nСидоров,Олег,oleg@example.ru\n');
  await runImportThroughApi(page, importFile);
  await page.reload();
  // The overview counts the new people and names the import.
  await shell.navigate(/^Обзор$/);
  await expect(page.getByTestId('people:count-total')).toHaveText('4');
  await expect(page.getByTestId('last-import')).toContainText('«клиенты.csv»');
  await expect(page.getByTestId('last-import')).toContainText('Добавлено: 2, обновлено: 0, пропущено: 0');
  await saveScreenshot('99-overview-last-import-ru');
  await page.evaluate(() => (window.location.hash = '#/import/history'));
  const row = page.getByTestId('import-history-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('клиенты.csv');
  await expect(row).toContainText('Действует');
  await saveScreenshot('93-import-history-ru');
  await row.getByRole('button', { name: 'Отменить импорт' }).click();
  const undoDialog = page.getByRole('dialog', { name: /Отмена импорта/ });
  await expect(undoDialog).toContainText('Удалить созданные записи (2)');
  await saveScreenshot('94-import-undo-ru');
  await undoDialog.getByRole('button', { name: 'Да, отменить' }).click();
  await expect(page.getByText('Удалено записей: 2, восстановлено: 0.')).toBeVisible();
  await expect(row).toContainText('Отменён');
  await expect(row.getByRole('button', { name: 'Отменить импорт' })).toHaveCount(0);
  await shell.navigate(/^Обзор$/);
  await expect(page.getByTestId('people:count-total')).toHaveText('2');
  await expect(page.getByTestId('last-import')).toContainText('Отменён');

  await records.openSection(/^Настройки$/);
  await shell.switchLanguage('English');
  await page.evaluate(() => (window.location.hash = '#/import/history'));
  await expect(page.getByRole('button', { name: 'Undo import' })).toHaveCount(0);
  await expect(page.getByTestId('import-history-row')).toContainText('Undone');
  await saveScreenshot('97-import-history-en');
  await records.openSection(/^People$/);
  await page.getByRole('button', { name: /^Export$/ }).click();
  await expect(
    page.getByRole('menuitem', { name: 'Excel for editing (re-import updates these records)' }),
  ).toBeVisible();
  // Let the menu finish its opening transition before the picture.
  await page.waitForTimeout(300);
  await saveScreenshot('95-export-menu-en');
});
