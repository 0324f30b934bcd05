import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { writeWorkbook, writeWorkbookSheets } from '../support/import-fixtures';
import { ImportPage } from './pages/import-page';
import { RecordsPages } from './pages/records-pages';
import { ShellPage } from './pages/shell-page';
import { StartPage } from './pages/start-page';
import { expect, test } from './support/fixtures';
import type { LaunchedApp } from './support/launch';
import { dismissNotifications } from './support/notifications';

const PASSPHRASE = 'Пароль-для-теста-2026';
const LONG_COMPANY = 'Общество с ограниченной ответственностью «Северо-Западная строительно-монтажная компания»';
const LONG_TEMPLATE = 'Выгрузка из 1С: клиенты отдела продаж Северо-Западного региона (ежемесячная)';

async function openDatabase(app: LaunchedApp, dataDir: string) {
  await new StartPage(app).createDatabase({
    name: 'Клиенты',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: PASSPHRASE,
  });
  await expect(new ShellPage(app.page).databaseName()).toHaveText('Клиенты');
}

// Each test writes its workbooks to a folder of its own.
let dir = '';
test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-import-more-'));
});
test.afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Opens a person from the people list by a part of their name. */
async function openPerson(page: Page, name: string) {
  await new RecordsPages(page).openSection(/^(Контакты|People)$/);
  await page.getByRole('row').filter({ hasText: name }).first().click();
  await expect(page.getByTestId('person-name')).toContainText(name);
}

const detailRow = (page: Page, label: string) => page.getByRole('row', { name: new RegExp(`^${label}`) });

test('value mapping: the file’s owner becomes an existing owner; the report ticks every step and saves skipped rows twice', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await openDatabase(app, dataDir);
  const shell = new ShellPage(page);
  await shell.navigate(/^Настройки$/);
  const owners = page
    .locator('.mantine-Card-root')
    .filter({ has: page.getByRole('heading', { name: 'Ответственные', exact: true }) });
  await owners.locator('input[name="owner-name"]').fill('Мария Иванова');
  await owners.getByRole('button', { name: 'Добавить ответственного' }).click();
  await expect(owners.getByTestId('owner-row')).toHaveCount(1);

  const file = await writeWorkbook(dir, 'ответственные.xlsx', [
    ['ФИО', 'E-mail', 'Ответственный'],
    ['Лебедев-Кумач Василий Иванович', 'lebedev@example.ru', 'Маша'],
    ['Сидорова Анна', 'sidorova@example.ru', 'Маша'],
    [null, 'noname@example.ru', 'Маша'],
  ]);
  const wizard = new ImportPage(page);
  await wizard.start(file);
  await expect(wizard.mappingRow('Ответственный')).toContainText('Ответственный');
  await wizard.next();
  await wizard.next();
  await wizard.dryRunSettled();

  // "Маша" matches no owner by itself: the user says who she is.
  const choice = wizard.valueChoice('Маша');
  await expect(choice).toBeVisible();
  await expect(choice).not.toHaveValue('Мария Иванова');
  await choice.click();
  await page.getByRole('option', { name: 'Мария Иванова', exact: true }).click();
  await expect(choice).toHaveValue('Мария Иванова');
  await wizard.dryRunSettled();
  await page.getByTestId('value-choices').scrollIntoViewIfNeeded();
  await saveScreenshot('101-import-value-mapping-ru');

  await wizard.next();
  // Before the run the last step is the current one, not done.
  await expect(wizard.steps().nth(4)).not.toHaveAttribute('data-completed', /.*/);
  await wizard.run();
  await expect(wizard.report()).toBeVisible();
  await expect(page.getByTestId('report-created')).toHaveText('2Добавлено');
  // Every step is ticked once the import is done, the last one too.
  await expect(wizard.steps()).toHaveCount(5);
  for (let step = 0; step < 5; step += 1) {
    await expect(wizard.steps().nth(step)).toHaveAttribute('data-completed', 'true');
  }

  // The skipped rows can be saved again, to another file.
  const button = page.getByRole('button', { name: /Скачать пропущенные строки/ });
  const first = path.join(dir, 'пропущенные-1.xlsx');
  const second = path.join(dir, 'пропущенные-2.xlsx');
  await page.locator('input[name="skipped-path"]').fill(first);
  await button.click();
  await expect(page.getByTestId('skipped-saved')).toContainText(first);
  await expect(button).toBeEnabled();
  await page.locator('input[name="skipped-path"]').fill(second);
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page.getByTestId('skipped-saved')).toContainText(second);
  expect(fs.existsSync(first)).toBe(true);
  expect(fs.existsSync(second)).toBe(true);
  // Usable after two saves too: neither disabled nor stuck loading (the pointer moved off it first).
  await page.mouse.move(600, 10);
  await expect(button).toBeEnabled();
  await expect(button).not.toHaveAttribute('data-loading', /.*/);
  await expect(button).not.toHaveAttribute('data-disabled', /.*/);
  await saveScreenshot('102-import-report-steps-ru');

  await openPerson(page, 'Лебедев-Кумач');
  await expect(detailRow(page, 'Ответственный')).toContainText('Мария Иванова');
});

test('a saved template maps a file with the same headers by itself', async ({ app, dataDir, saveScreenshot }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await openDatabase(app, dataDir);
  const headers = ['ФИО', 'E-mail', 'Кодовое слово'];
  const january = await writeWorkbook(dir, 'январь.xlsx', [headers, ['Орлов Игорь', 'orlov@example.ru', 'Сирень']]);
  const february = await writeWorkbook(dir, 'февраль.xlsx', [
    headers,
    ['Зайцева Ольга', 'zaytseva@example.ru', 'Жасмин'],
  ]);
  const wizard = new ImportPage(page);
  await wizard.start(january);
  await expect(page.getByTestId('template-applied')).toHaveCount(0);
  // Nothing in the header says what "Кодовое слово" is: the user maps it to notes and saves the mapping.
  await expect(wizard.mappingRow('Кодовое слово')).not.toContainText('Заметки');
  await wizard.addTarget('Кодовое слово', 'Заметки');
  await expect(wizard.mappingRow('Кодовое слово')).toContainText('Заметки');
  await page.getByRole('button', { name: 'Сохранить как шаблон' }).click();
  const name = page.getByRole('textbox', { name: 'Название шаблона' });
  await name.fill(LONG_TEMPLATE);
  await saveScreenshot('103-import-template-save-ru');
  await page.getByRole('dialog').getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(page.getByText(`Шаблон «${LONG_TEMPLATE}» сохранён`)).toBeVisible();
  await dismissNotifications(page);

  // Another month's file with the same headers: the template is applied on opening.
  await page.getByRole('button', { name: 'Начать заново' }).click();
  await wizard.openFile(february);
  await expect(page.getByTestId('template-applied')).toHaveText(`Применён шаблон: ${LONG_TEMPLATE}`);
  await expect(wizard.mappingRow('Кодовое слово')).toContainText('Заметки');
  await expect(wizard.mappingRow('Кодовое слово')).toContainText('шаблону');
  await expect(wizard.mappingRow('ФИО')).toContainText('ФИО целиком');
  await saveScreenshot('104-import-template-applied-ru');
  await wizard.runFromMapping();
  await expect(page.getByTestId('report-created')).toHaveText('1Добавлено');
  await openPerson(page, 'Зайцева Ольга');
  await expect(page.getByText('Жасмин')).toBeVisible();
});

test('an unmapped column becomes a new custom field', async ({ app, dataDir, saveScreenshot }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await openDatabase(app, dataDir);
  const file = await writeWorkbook(dir, 'чай.xlsx', [
    ['ФИО', 'E-mail', 'Любимый сорт чая'],
    ['Чайковская Вера Петровна', 'tea@example.ru', 'Пуэр «Старое дерево»'],
  ]);
  const wizard = new ImportPage(page);
  await wizard.start(file);
  await expect(page.getByTestId('mapped-count')).toHaveText('Импортируется столбцов: 2 из 3');
  await wizard.addTarget('Любимый сорт чая', '+ Новое дополнительное поле');
  const label = wizard.mappingRow('Любимый сорт чая').getByRole('textbox', { name: 'Название поля' });
  await expect(label).toHaveValue('Любимый сорт чая');
  await expect(page.getByTestId('mapped-count')).toHaveText('Импортируется столбцов: 3 из 3');
  await page.getByTestId('column-mapping').scrollIntoViewIfNeeded();
  await saveScreenshot('105-import-new-field-ru');
  await wizard.runFromMapping();
  await expect(page.getByTestId('report-created')).toHaveText('1Добавлено');
  await openPerson(page, 'Чайковская Вера');
  await expect(detailRow(page, 'Любимый сорт чая')).toContainText('Пуэр «Старое дерево»');
});

test('a two-row header keeps the names of the columns merged down both rows', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await openDatabase(app, dataDir);
  const file = await writeWorkbook(dir, 'шапка в две строки.xlsx', [
    ['ФИО', 'Контакты', null, 'Компания', 'Дата рождения'],
    [null, 'Телефон', 'E-mail', null, null],
    ['Двухэтажная Алевтина Сергеевна', '8 916 555-12-34', 'aleva@example.ru', LONG_COMPANY, '01.02.1980'],
  ]);
  const wizard = new ImportPage(page);
  await wizard.start(file);
  await expect(page.getByTestId('mapped-count')).toHaveText('Импортируется столбцов: 5 из 5');
  for (const header of ['ФИО', 'Телефон', 'E-mail', 'Компания', 'Дата рождения'])
    await expect(wizard.mappingRow(header)).toBeVisible();
  await page.getByTestId('column-mapping').scrollIntoViewIfNeeded();
  await saveScreenshot('126-import-two-row-header-ru');
  await wizard.runFromMapping();
  // The person and the company the «Компания» column names.
  await expect(page.getByTestId('report-created')).toHaveText('2Добавлено');
  await openPerson(page, 'Двухэтажная Алевтина');
  await expect(detailRow(page, 'День рождения')).toContainText('01.02.1980');
  await expect(detailRow(page, 'Компания')).toContainText(LONG_COMPANY);
});

test('an ambiguous date column is read in the order the user picks', async ({ app, dataDir, saveScreenshot }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await openDatabase(app, dataDir);
  const file = await writeWorkbook(dir, 'даты.xlsx', [
    ['ФИО', 'E-mail', 'Дата рождения'],
    ['Морозова Дарья', 'morozova@example.ru', '01/02/1990'],
    ['Гусев Павел', 'gusev@example.ru', '03/04/1985'],
    ['Белова Нина', 'belova@example.ru', '12/11/1979'],
  ]);
  const wizard = new ImportPage(page);
  await wizard.start(file);
  const order = wizard.mappingRow('Дата рождения').getByRole('combobox', { name: 'Порядок в дате' });
  await expect(order).toHaveValue('день.месяц.год');
  await order.click();
  await page.getByRole('option', { name: 'месяц/день/год', exact: true }).click();
  await expect(order).toHaveValue('месяц/день/год');
  await page.getByTestId('column-mapping').scrollIntoViewIfNeeded();
  await saveScreenshot('106-import-date-order-ru');
  await wizard.runFromMapping();
  await expect(page.getByTestId('report-created')).toHaveText('3Добавлено');
  // Month first: 01/02/1990 is the 2nd of January, not the 1st of February.
  await openPerson(page, 'Морозова Дарья');
  await expect(detailRow(page, 'День рождения')).toContainText('02.01.1990');
  await openPerson(page, 'Белова Нина');
  await expect(detailRow(page, 'День рождения')).toContainText('11.12.1979');
});

test('a number column written "1,500" is read with the decimal separator the user picks', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await openDatabase(app, dataDir);
  const file = await writeWorkbook(dir, 'объёмы.xlsx', [
    ['ФИО', 'E-mail', 'Объём, т'],
    ['Зайцева Ольга', 'zaytseva@example.ru', '1,500'],
    ['Волков Игорь', 'volkov@example.ru', '12,250'],
  ]);
  const wizard = new ImportPage(page);
  await wizard.start(file);
  await wizard.addTarget('Объём, т', '+ Новое дополнительное поле');
  const row = wizard.mappingRow('Объём, т');
  const separator = row.getByRole('combobox', { name: 'Дробная часть после' });
  // Only a number field asks.
  await expect(separator).toHaveCount(0);
  await row.getByRole('combobox', { name: 'Тип' }).click();
  await page.getByRole('option', { name: 'Число', exact: true }).click();
  // Three digits after the comma in every value: read as thousands until the user says otherwise.
  await expect(separator).toHaveValue('точки: 1.5 — полтора; 1,500 — тысяча пятьсот');
  await separator.click();
  await page.getByRole('option', { name: /^запятой/ }).click();
  await expect(separator).toHaveValue('запятой: 1,5 — полтора; 1 500 — тысяча пятьсот');
  await page.getByTestId('column-mapping').scrollIntoViewIfNeeded();
  await saveScreenshot('122-import-decimal-separator-ru');
  await wizard.runFromMapping();
  await expect(page.getByTestId('report-created')).toHaveText('2Добавлено');
  await openPerson(page, 'Волков Игорь');
  await expect(detailRow(page, 'Объём, т')).toContainText('12,25');
  await expect(detailRow(page, 'Объём, т')).not.toContainText('12 250');
});

test('a Google-style export keeps each phone’s kind from its label column and each address of its own kind', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await openDatabase(app, dataDir);
  const file = await writeWorkbook(dir, 'google.xlsx', [
    ['First Name', 'Last Name', 'Phone 1 - Label', 'Phone 1 - Value', 'Home City', 'Business City'],
    ['Святослава', 'Нечипоренко-Заболотская', 'Work Fax', '+7 495 123-45-67', 'Тверь', 'Москва'],
  ]);
  const wizard = new ImportPage(page);
  await wizard.start(file);
  const kinds = wizard.mappingRow('Phone 1 - Value').getByRole('checkbox', { name: /из столбца «Phone 1 - Label»/ });
  await expect(kinds).toBeChecked();
  // The home address is the first (its columns come first), the business one the second.
  const home = wizard.mappingRow('Home City').getByRole('combobox', { name: 'Тип адреса' });
  const business = wizard.mappingRow('Business City').getByRole('combobox', { name: 'Тип адреса' });
  await expect(home).toHaveValue('Домашний адрес');
  await expect(business).toHaveValue('Рабочий адрес');
  await business.click();
  await page.getByRole('option', { name: 'Почтовый адрес', exact: true }).click();
  await expect(business).toHaveValue('Почтовый адрес');
  await page.getByTestId('column-mapping').scrollIntoViewIfNeeded();
  await saveScreenshot('124-import-kinds-of-phones-and-addresses-ru');
  await wizard.runFromMapping();
  await expect(page.getByTestId('report-created')).toHaveText('1Добавлено');
  await openPerson(page, 'Нечипоренко-Заболотская');
  await expect(detailRow(page, 'Факс')).toContainText('+7 495 123-45-67');
  await expect(detailRow(page, 'Домашний адрес')).toContainText('Тверь');
  await expect(detailRow(page, 'Почтовый адрес 2')).toContainText('Москва');
});

test('the kinds of phones and addresses in English', async ({ app, dataDir, saveScreenshot }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await openDatabase(app, dataDir);
  const shell = new ShellPage(page);
  await shell.navigate(/^Настройки$/);
  await shell.switchLanguage('English');
  const file = await writeWorkbook(dir, 'outlook.xlsx', [
    ['First Name', 'E-mail 1 - Label', 'E-mail 1 - Value', 'Home Street', 'Home City', 'Other City'],
    ['Mary', 'Home', 'mary@example.com', '12 Baker St', 'London', 'Bath'],
  ]);
  const wizard = new ImportPage(page);
  await wizard.start(file);
  await expect(
    wizard
      .mappingRow('E-mail 1 - Value')
      .getByRole('checkbox', { name: `Take each row's kind from the column "E-mail 1 - Label"` }),
  ).toBeChecked();
  await expect(wizard.mappingRow('Home Street').getByRole('combobox', { name: 'Address type' })).toHaveValue(
    'Home address',
  );
  // One choice per address: on its first column only.
  await expect(wizard.mappingRow('Home City').getByRole('combobox', { name: 'Address type' })).toHaveCount(0);
  await expect(wizard.mappingRow('Other City').getByRole('combobox', { name: 'Address type' })).toHaveValue('Address');
  await page.getByTestId('column-mapping').scrollIntoViewIfNeeded();
  await saveScreenshot('125-import-kinds-of-phones-and-addresses-en');
});

test('rows hidden in Excel are shown dimmed and left out when the user asks', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await openDatabase(app, dataDir);
  const file = await writeWorkbookSheets(dir, 'отфильтровано.xlsx', [
    {
      name: 'Клиенты',
      rows: [
        ['ФИО', 'E-mail', 'Статус'],
        ['Орлова Анна', 'orlova@example.ru', 'Активный'],
        ['Соколов Денис', 'sokolov@example.ru', 'Архив'],
        ['Лебедева Ирина', 'lebedeva@example.ru', 'Активный'],
        ['Ершов Максим', 'ershov@example.ru', 'Архив'],
      ],
      hiddenRows: [2, 4],
    },
  ]);
  const wizard = new ImportPage(page);
  await wizard.start(file);
  await expect(page.getByTestId('sheet-preview').locator('tr[data-hidden-row]')).toHaveCount(2);
  const leaveOut = page.getByRole('checkbox', { name: 'Не импортировать строки, скрытые в Excel' });
  await expect(leaveOut).not.toBeChecked();
  await leaveOut.check();
  await page.getByTestId('sheet-preview').scrollIntoViewIfNeeded();
  await saveScreenshot('123-import-hidden-rows-ru');
  await wizard.runFromMapping();
  await expect(page.getByTestId('report-created')).toHaveText('2Добавлено');
  await expect(page.getByTestId('report-skipped')).toHaveText(/^2\D/);
});

test('a workbook with companies and people sheets imports both, people linked', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await openDatabase(app, dataDir);
  const file = await writeWorkbookSheets(dir, 'база.xlsx', [
    {
      name: 'Компании',
      rows: [
        ['Название', 'Отрасль', 'Телефон'],
        [LONG_COMPANY, 'Строительство', '+7 812 555-01-02'],
        ['АО «Вектор»', 'Логистика', '+7 495 555-03-04'],
      ],
    },
    {
      name: 'Контакты',
      rows: [
        ['ФИО', 'E-mail', 'Компания'],
        ['Григорьев Степан Ильич', 'grigoriev@example.ru', LONG_COMPANY],
        ['Тихонова Алла', 'tikhonova@example.ru', 'АО «Вектор»'],
        ['Ефимов Глеб', 'efimov@example.ru', 'АО «Вектор»'],
      ],
    },
    // Hidden in Excel: shown, marked, and left out unless given a record type.
    {
      name: 'Архив',
      hidden: true,
      rows: [
        ['ФИО', 'E-mail'],
        ['Старых Пётр', 'old@example.ru'],
      ],
    },
  ]);
  const wizard = new ImportPage(page);
  await wizard.start(file);
  const sheets = page.getByTestId('import-sheet');
  await expect(sheets).toHaveCount(3);
  const entity = (index: number) => sheets.nth(index).getByRole('combobox', { name: 'Тип записей' });
  await expect(entity(0)).toHaveValue('Компании');
  await expect(entity(1)).toHaveValue('Контакты');
  await expect(sheets.nth(2).getByTestId('sheet-hidden')).toHaveText('Скрытый лист');
  await expect(entity(2)).toHaveValue('Не импортировать');
  await expect(sheets.nth(1).locator('[data-testid="mapping-row"][data-header="Компания"]')).toContainText('Компания');
  await saveScreenshot('107-import-two-sheets-ru');
  await sheets.nth(2).scrollIntoViewIfNeeded();
  await saveScreenshot('120-import-hidden-sheet-ru');
  await wizard.next();
  await wizard.next();
  await wizard.dryRunSettled();
  await expect(wizard.summary()).toContainText('КонтактыБудет добавлено 3, обновлено 0, пропущено 0');
  await expect(wizard.summary()).toContainText('КомпанииБудет добавлено 2, обновлено 0, пропущено 0');
  // Both groups of rows are named by their sheet.
  await expect(wizard.grid().getByRole('columnheader', { name: 'Компании', exact: true })).toBeVisible();
  await expect(wizard.grid().getByRole('columnheader', { name: 'Контакты', exact: true })).toBeVisible();
  await saveScreenshot('108-import-two-sheets-dry-run-ru');
  await wizard.next();
  await wizard.run();
  await expect(page.getByTestId('report-created')).toHaveText('5Добавлено');

  // Two companies, not four: the people joined the companies of the first sheet.
  await new RecordsPages(page).openSection(/^Компании$/);
  await expect(page.getByTestId('record-count')).toHaveText('2');
  await openPerson(page, 'Григорьев Степан');
  await page.getByRole('link', { name: LONG_COMPANY }).click();
  await expect(page.getByTestId('company-name')).toHaveText(LONG_COMPANY);
  await expect(page.getByText('Строительство').first()).toBeVisible();
  await openPerson(page, 'Тихонова Алла');
  await page.getByRole('link', { name: 'АО «Вектор»' }).click();
  await expect(page.getByText('Логистика').first()).toBeVisible();
  await expect(page.getByText('2 сотрудника')).toBeVisible();
  await saveScreenshot('109-import-linked-company-ru');
});

test('undo lists a record edited after the import and lets the user choose', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  test.setTimeout(150_000);
  const { page } = app;
  await openDatabase(app, dataDir);
  const records = new RecordsPages(page);
  await records.createPerson({
    lastName: 'Орлова-Голицына',
    firstName: 'Елизавета',
    middleName: 'Александровна',
    position: 'Бухгалтер',
    email: 'orlova@example.ru',
  });
  const file = await writeWorkbook(dir, 'обновление.xlsx', [
    ['ФИО', 'E-mail', 'Должность'],
    ['Орлова-Голицына Елизавета Александровна', 'orlova@example.ru', 'Главный бухгалтер'],
    ['Новиков Артём', 'novikov@example.ru', 'Менеджер'],
  ]);
  const wizard = new ImportPage(page);
  await wizard.start(file);
  await wizard.runFromMapping();
  await expect(page.getByTestId('report-created')).toHaveText('1Добавлено');
  await expect(page.getByTestId('report-updated')).toHaveText('1Обновлено');

  // Edited by hand after the import.
  await openPerson(page, 'Орлова-Голицына');
  await expect(page.getByText('Главный бухгалтер').first()).toBeVisible();
  await page.getByRole('button', { name: 'Изменить' }).click();
  await records.fill('position', 'Финансовый директор');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Финансовый директор').first()).toBeVisible();
  await dismissNotifications(page);

  await wizard.openHistory();
  await expect(page.getByTestId('import-history-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Отменить импорт' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('undo-conflicts-note')).toContainText('1 запись изменили после импорта');
  const conflict = dialog.getByRole('checkbox', {
    name: 'Отменить импорт для «Орлова-Голицына Елизавета Александровна» несмотря на изменения',
  });
  await expect(conflict).not.toBeChecked();
  await saveScreenshot('110-import-undo-conflicts-ru');

  // "Don't undo" changes nothing.
  await dialog.getByRole('button', { name: 'Не отменять' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('import-history-row')).toContainText('Действует');

  // This time the user undoes the import for her too: her position goes back to what it was before it.
  await page.getByRole('button', { name: 'Отменить импорт' }).click();
  await conflict.check();
  await expect(dialog.getByRole('checkbox', { name: 'Отменить и эти изменения тоже (все)' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Да, отменить' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Удалено записей: 1, восстановлено: 1.')).toBeVisible();
  await expect(page.getByTestId('import-history-row')).toContainText('Отменён');
  await dismissNotifications(page);
  await saveScreenshot('111-import-history-undone-ru');

  await records.openSection(/^Контакты$/);
  await expect(page.getByTestId('record-count')).toHaveText('1');
  await openPerson(page, 'Орлова-Голицына');
  await expect(page.getByText('Бухгалтер', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Финансовый директор')).toHaveCount(0);
});

test('changing the header row suggests the columns again from the new names (en)', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await openDatabase(app, dataDir);
  const shell = new ShellPage(page);
  await shell.navigate(/^Настройки$/);
  await shell.switchLanguage('English');
  const file = await writeWorkbook(dir, 'two-headers.xlsx', [
    ['Квартальный отчёт отдела продаж', null, null],
    ['Организация', 'Город', 'Телефон'],
    ['ФИО', 'E-mail', 'Должность'],
    ['Соколов Роман', 'sokolov@example.ru', 'Инженер'],
    ['Кравец Ирина', 'kravets@example.ru', 'Юрист'],
  ]);
  const wizard = new ImportPage(page);
  await wizard.start(file);
  // The row with the names people's fields are known by is found under the title and the decoy row.
  await expect(wizard.headerRowInput()).toHaveValue('3');
  await expect(wizard.mappingRow('ФИО')).toContainText('Full name');
  // The row above: its names, not the columns' positions, decide the mapping.
  await wizard.headerRowInput().fill('2');
  await expect(wizard.mappingRow('Организация')).toContainText('Company');
  await expect(wizard.mappingRow('Организация')).not.toContainText('Full name');
  await expect(wizard.mappingRow('Город')).toContainText('City');
  await expect(wizard.mappingRow('Телефон')).toContainText('Phone (mobile)');
  await expect(wizard.mappingRow('Телефон')).not.toContainText('Position');
  await page.getByTestId('column-mapping').scrollIntoViewIfNeeded();
  await saveScreenshot('112-import-header-row-en');
  // And back: the names of row 3 again.
  await wizard.headerRowInput().fill('3');
  await expect(wizard.mappingRow('ФИО')).toContainText('Full name');
  await expect(wizard.mappingRow('Должность')).toContainText('Position');
  await expect(wizard.mappingRow('Должность')).not.toContainText('Phone');
  await wizard.next();
  await wizard.next();
  await wizard.dryRunSettled();
  await expect(wizard.summary()).toContainText('Will add 2, update 0, skip 0');
  await wizard.next();
  await wizard.run();
  await expect(page.getByTestId('report-created')).toHaveText('2Added');
  for (let step = 0; step < 5; step += 1) {
    await expect(wizard.steps().nth(step)).toHaveAttribute('data-completed', 'true');
  }
  await saveScreenshot('113-import-report-en');
  await openPerson(page, 'Соколов Роман');
  await expect(page.getByText('Инженер').first()).toBeVisible();
});

test('choosing another record type maps the columns to that type’s fields', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await openDatabase(app, dataDir);
  const file = await writeWorkbook(dir, 'организации.xlsx', [
    ['Организация', 'Юридическое название', 'Отрасль', 'Должность'],
    ['Ромашка', 'ООО «Ромашка»', 'Торговля', 'Директор'],
    ['Вектор', 'АО «Вектор»', 'Строительство', 'Бухгалтер'],
  ]);
  const wizard = new ImportPage(page);
  await wizard.start(file);
  const chooseType = async (type: 'Контакты' | 'Компании') => {
    await page.getByRole('combobox', { name: 'Тип записей', exact: true }).click();
    await page.getByRole('option', { name: type, exact: true }).click();
  };
  // Its headers say companies: the organisation is the company's name.
  await expect(page.locator('input[name="sheet-entity"]')).toHaveValue('company');
  await expect(wizard.targetsOf('Организация')).toHaveText(['Название']);
  await expect(wizard.targetsOf('Отрасль')).toHaveText(['Отрасль']);
  // As people: the organisation is the person's company, and no company-only field is left behind.
  await chooseType('Контакты');
  await expect(wizard.targetsOf('Организация')).toHaveText(['Компания']);
  await expect(wizard.targetsOf('Должность')).toHaveText(['Должность']);
  await expect(wizard.targetsOf('Юридическое название')).toHaveCount(0);
  await expect(wizard.targetsOf('Отрасль')).toHaveCount(0);
  await page.getByTestId('column-mapping').scrollIntoViewIfNeeded();
  await saveScreenshot('114-import-record-type-changed');
  // And back to companies.
  await chooseType('Компании');
  await expect(wizard.targetsOf('Организация')).toHaveText(['Название']);
  await expect(wizard.targetsOf('Юридическое название')).toHaveText(['Юридическое название']);
  await expect(wizard.targetsOf('Должность')).toHaveCount(0);
  await wizard.runFromMapping();
  await expect(page.getByTestId('report-created')).toHaveText(/^2/);
});

test('the wizard keeps its place while the user looks elsewhere, and the import its progress and report', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  test.setTimeout(180_000);
  const { page } = app;
  await openDatabase(app, dataDir);
  // Enough rows for the run to take a few seconds: time to leave the page while it writes.
  const rows = 20_000;
  const file = await writeWorkbook(dir, 'большой список.xlsx', [
    ['ФИО', 'Телефон', 'E-mail'],
    ...Array.from({ length: rows }, (_, index) => [
      `Клиентов Клиент ${index + 1}`,
      `+7 916 ${String(1_000_000 + index).slice(1, 4)}-${String(index % 100).padStart(2, '0')}-${String(index % 97).padStart(2, '0')}`,
      `client${index + 1}@example.ru`,
    ]),
  ]);
  const wizard = new ImportPage(page);
  const shell = new ShellPage(page);
  await wizard.start(file);
  await wizard.addTarget('ФИО', 'Заметки');

  // Away and back: the same file, the same step, the column still mapped as the user left it.
  await shell.navigate(/^Контакты$/);
  await expect(page.getByTestId('record-count')).toHaveText('0');
  await wizard.open();
  await expect(wizard.targetsOf('ФИО')).toHaveText(['ФИО целиком', 'Заметки']);

  await wizard.next();
  await wizard.next();
  await wizard.dryRunSettled();
  await expect(wizard.summary()).toContainText('Будет добавлено 20 000');
  await wizard.next();
  await wizard.run();
  // While it writes, «Импорт» in the navigation says so on every screen.
  await shell.navigate(/^Контакты$/);
  await expect(page.getByTestId('import-running-mark')).toBeVisible();
  await saveScreenshot('128-import-running-elsewhere-ru');
  await expect(page.getByTestId('import-running-mark')).toHaveCount(0, { timeout: 120_000 });
  await wizard.open();
  await expect(wizard.report()).toBeVisible();
  await expect(page.getByTestId('report-created')).toHaveText('20 000Добавлено');
  await shell.navigate(/^Контакты$/);
  await expect(page.getByTestId('record-count')).toHaveText('20 000');
});
