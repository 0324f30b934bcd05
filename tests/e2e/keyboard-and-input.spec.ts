import path from 'node:path';
import { expect, test } from './support/fixtures';
import { invokeHost } from './support/host-api';
import { RecordsPages } from './pages/records-pages';
import { StartPage } from './pages/start-page';

test('e-mails are kept as typed and checked before sending; Esc closes a drop-down, not the edit or the filter; Enter sorts, filters and opens search hits', async ({
  app,
  dataDir,
}) => {
  const { page } = app;
  await new StartPage(app).createDatabase({
    name: 'Клавиатура',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: 'Пароль-для-клавиатуры-2026',
  });
  const records = new RecordsPages(page);

  // Chromium gives the value of an <input type="email"> in punycode: the form must not use one.
  await records.createPerson({ lastName: 'Ёлкина', firstName: 'Вера', email: 'info@почта.рф' });
  await expect(page.getByRole('link', { name: 'info@почта.рф' })).toBeVisible();
  await expect(page.getByText(/xn--/)).toHaveCount(0);

  // Esc in a phone's kind drop-down closes the drop-down; the typed phone stays in the open editor.
  await page.getByRole('button', { name: 'Редактировать: Контакты' }).click();
  await page.getByRole('button', { name: 'Добавить телефон' }).click();
  await records.fill('phone-0', '8 916 765-43-21');
  const kind = page.locator('input[aria-label="Тип"]').first();
  await kind.click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(page.locator('input[name="phone-0"]')).toHaveValue('8 916 765-43-21');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('phone')).toHaveText('+7 916 765-43-21');

  // An untitled call is named by its kind when it is deleted.
  await page.getByRole('button', { name: 'Добавить событие' }).click();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('activity')).toContainText('Звонок');
  await page.getByTestId('activity').getByRole('button', { name: 'Удалить' }).click();
  await expect(page.getByRole('dialog')).toContainText('«Звонок» исчезнет из истории');
  await page.getByRole('dialog').getByRole('button', { name: 'Удалить' }).click();
  await expect(page.getByTestId('activity')).toHaveCount(0);

  // Enter on a focused column header sorts the list; it doesn't open the row the grid has active.
  await records.createPerson({ lastName: 'Smith', firstName: 'Anna' });
  await records.openSection(/^Контакты$/);
  await expect(page.getByTestId('record-count')).toHaveText('2');
  const listUrl = page.url();
  const header = page.getByRole('columnheader', { name: 'Имя', exact: true });
  await header.focus();
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('row').nth(1)).toContainText('Ёлкина');
  expect(page.url()).toBe(listUrl);

  // In the filter, Esc in a date box closes its calendar, not the filter; Enter in a value box applies.
  await page.getByRole('button', { name: 'Фильтр' }).click();
  const condition = page.getByTestId('filter-condition');
  await condition.getByRole('combobox', { name: 'Поле' }).fill('День');
  await page.getByRole('option', { name: 'День рождения' }).click();
  await condition.getByRole('textbox', { name: 'Значение' }).click();
  const calendar = page.locator('[data-dates-dropdown]');
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  // Nor from a day button of the calendar (the filter being edited stays).
  await condition.getByRole('textbox', { name: 'Значение' }).click();
  await calendar.locator('table button').first().focus();
  await page.keyboard.press('Escape');
  await expect(condition).toBeVisible();
  await condition.getByRole('textbox', { name: 'Значение' }).press('Escape');
  await expect(calendar).toBeHidden();
  await condition.getByRole('combobox', { name: 'Поле' }).fill('Имя');
  await page.getByRole('option', { name: 'Имя', exact: true }).click();
  await condition.getByRole('textbox', { name: 'Значение' }).fill('Ёлк');
  await page.keyboard.press('Enter');
  await expect(condition).toHaveCount(0);
  await expect(page.getByTestId('record-count')).toHaveText('1');

  // Ctrl+K: ↓ after the hits arrive selects the first; Enter right after typing opens the first hit.
  const box = page.getByRole('textbox', { name: /Поиск/ });
  await records.search('Ёлки');
  await expect(page.getByTestId('search-hit').first()).toContainText('Ёлкина');
  await box.press('ArrowDown');
  await expect(page.getByTestId('search-hit').first()).toHaveAttribute('data-selected', 'true');
  await box.press('Enter');
  await expect(page.getByTestId('person-name')).toHaveText('Ёлкина Вера');
  await records.search('Smith');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await box.press('Enter');
  await expect(page.getByTestId('person-name')).toHaveText('Anna Smith');

  // The company form says which e-mail is wrong before sending, as the person form does.
  await records.openSection(/^Компании$/);
  await page.getByRole('button', { name: 'Новая компания' }).click();
  await records.fill('name', 'ООО «Почта»');
  await records.fill('email-0', 'info@');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Это не похоже на адрес почты')).toBeVisible();
  await expect(page.getByText('Проверьте введённые данные.')).toHaveCount(0);
  await records.fill('email-0', 'info@почта.рф');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('link', { name: 'info@почта.рф' })).toBeVisible();
});

test('archiving a field names the saved views using it and takes it out of them; names differ; deleting one asks first', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  const { page } = app;
  const VIEW_NAME = 'Москвичи из Санкт-Петербурга и Ленинградской области без ответственного';
  await new StartPage(app).createDatabase({
    name: 'Виды',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: 'Пароль-для-видов-2026',
  });
  const records = new RecordsPages(page);
  await records.createPerson({ lastName: 'Москвина', firstName: 'Ольга' });
  const field = await invokeHost<{ id: number; key: string }>(page, 'customFields:create', {
    entity: 'person',
    label: 'Регион',
    type: 'select',
    options: ['Москва', 'Тверь'],
  });
  await invokeHost(page, 'views:create', {
    entity: 'person',
    name: VIEW_NAME,
    filter: { conditions: [{ field: `custom.${field.key}`, operator: 'is', value: 'Москва' }], text: '', trash: false },
    sort: { field: 'name', direction: 'asc' },
    columns: [],
  });
  // Archiving says which views use the field, since it takes the field out of them.
  await records.openSection(/^Настройки$/);
  await page.getByRole('button', { name: 'Убрать в архив поле «Регион»' }).click();
  await expect(page.getByTestId('archive-views')).toHaveText(
    `Поле используется в виде «${VIEW_NAME}»: условия и сортировка по нему и его столбец уйдут из вида, и вид может показать больше записей.`,
  );
  await expect(
    page.locator('.mantine-Popover-dropdown').filter({ has: page.getByTestId('archive-confirm') }),
  ).toHaveCSS('opacity', '1');
  await saveScreenshot('135-archive-field-used-by-view-ru');
  await page.getByTestId('archive-confirm').getByRole('button', { name: 'Убрать в архив' }).click();
  await expect(page.getByTestId('archive-confirm')).toHaveCount(0);
  const [view] = await invokeHost<Array<{ filter: { conditions: unknown[] }; version: number }>>(page, 'views:list', {
    entity: 'person',
  });
  expect(view).toMatchObject({ filter: { conditions: [] }, version: 2 });

  await records.openSection(/^Контакты$/);
  await page.getByRole('button', { name: /Москвичи/ }).click();
  await expect(page.getByTestId('record-count')).toHaveText('1');
  await expect(page.getByRole('row').nth(1)).toContainText('Москвина Ольга');
  await expect(page.getByTestId('error-alert')).toHaveCount(0);
  // A long view name ends in «…»; its count stays inside the chip.
  const chip = page.getByRole('button', { name: /^Москвичи/ });
  const badge = chip.locator('.mantine-Badge-root');
  await expect(badge).toHaveText('1');
  const [chipBox, badgeBox] = [await chip.boundingBox(), await badge.boundingBox()];
  expect(badgeBox!.x + badgeBox!.width).toBeLessThanOrEqual(chipBox!.x + chipBox!.width);
  await saveScreenshot('127-saved-view-long-name-ru');

  // A second view of the same name (case and ё aside) is refused at the name box.
  await page.getByRole('textbox', { name: 'Найти в списке…' }).fill('Моск');
  await page.getByRole('button', { name: 'Сохранить как вид' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[name="view-name"]').fill(VIEW_NAME.toUpperCase().replaceAll('Е', 'Ё'));
  await dialog.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(dialog.getByText('Вид с таким названием уже есть')).toBeVisible();
  await saveScreenshot('128-saved-view-name-taken-ru');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Москвичи/ })).toHaveCount(1);

  // Deleting a view asks first, naming it; «Отмена» keeps it.
  const deleteView = page.getByTestId('saved-views').getByRole('button', { name: 'Удалить вид' });
  await page.getByRole('button', { name: /^Москвичи/ }).click();
  await deleteView.click();
  await expect(dialog).toContainText(`Удалить вид «${VIEW_NAME}»?`);
  await dialog.getByRole('button', { name: 'Отмена' }).click();
  // Gone before it is asked again (a closing dialog still holds its own «Удалить вид»).
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Москвичи/ })).toHaveCount(1);
  await deleteView.click();
  await dialog.getByRole('button', { name: 'Удалить вид' }).click();
  await expect(page.getByRole('button', { name: /^Москвичи/ })).toHaveCount(0);
});

test('a number field takes a decimal comma and spaces between thousands, as Russian users write them', async ({
  app,
  dataDir,
}) => {
  const { page } = app;
  await new StartPage(app).createDatabase({
    name: 'Числа',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: 'Пароль-для-чисел-2026',
  });
  await invokeHost(page, 'customFields:create', { entity: 'person', label: 'Сумма договора', type: 'number' });
  const records = new RecordsPages(page);
  await records.createPerson({ lastName: 'Суммова', firstName: 'Дина' });

  await page.getByRole('button', { name: 'Добавить: Сумма договора' }).click();
  const box = page.getByRole('textbox', { name: 'Сумма договора' });
  // Typed key by key: the box went blank at the comma and kept only what came after it.
  await box.pressSequentially('1250000,50');
  await expect(box).toHaveValue('1 250 000,50');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^1\s250\s000,5$/)).toBeVisible();
  const id = Number(/people\/(\d+)/.exec(page.url())?.[1]);
  const person = await invokeHost<{ customFields: Record<string, unknown> }>(page, 'people:get', { id });
  expect(Object.values(person.customFields)).toEqual([1250000.5]);
});

test('back from a record opened far down a long list, the list is where it was left', async ({ app, dataDir }) => {
  test.skip(app.target !== 'browser', 'makes its eighty people over the browser host’s API');
  const { page } = app;
  await new StartPage(app).createDatabase({
    name: 'Длинный список',
    path: path.join(dataDir, 'long.kartoteka'),
    passphrase: 'Пароль-для-списка-2026',
  });
  for (let n = 1; n <= 80; n += 1) {
    await invokeHost(page, 'people:create', { lastName: `Строков ${String(n).padStart(3, '0')}` });
  }
  const records = new RecordsPages(page);
  await records.openSection(/^Контакты$/);
  await expect(page.getByTestId('record-count')).toHaveText('80');
  // The last row, by the keyboard, opened; then back to the list.
  await page.getByRole('grid', { name: 'Контакты' }).focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('person-name')).toHaveText('Строков 080');
  await page.getByRole('button', { name: 'К списку' }).click();
  const last = page.getByRole('row').filter({ hasText: 'Строков 080' });
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('data-active', 'true');
  await expect(page.getByRole('row').filter({ hasText: 'Строков 001' })).toHaveCount(0);
  // A row opened by a click is the active one on return.
  await page.getByRole('row').filter({ hasText: 'Строков 075' }).click();
  await expect(page.getByTestId('person-name')).toHaveText('Строков 075');
  await page.getByRole('button', { name: 'К списку' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Строков 075' })).toHaveAttribute('data-active', 'true');
});
