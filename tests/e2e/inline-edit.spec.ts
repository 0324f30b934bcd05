import path from 'node:path';
import type { Page, Route } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { invokeHost } from './support/host-api';
import { dismissNotifications } from './support/notifications';
import { RecordsPages } from './pages/records-pages';
import { ShellPage } from './pages/shell-page';
import { StartPage } from './pages/start-page';

/** The pencil of a field on a detail page ("Редактировать: Должность"). */
const pencil = (page: Page, field: string | RegExp) =>
  page.getByRole('button', { name: typeof field === 'string' ? `Редактировать: ${field}` : field });

/** The row of a detail table whose header cell names the field. */
const row = (page: Page, field: string) =>
  page.locator('tr', { has: page.locator('th', { hasText: new RegExp(`^${field}$`) }) });

/**
 * Another computer saves the person on screen (over the host's own API, as a second app would),
 * while this page's reads of the person are held back: the page's copy is a version behind, as
 * when the save races the change's refresh. Returns the release of the held reads.
 */
async function changeElsewhere(page: Page, patch: Record<string, string>): Promise<() => Promise<void>> {
  const held: Route[] = [];
  let holding = true;
  // The channel's colon is sent percent-encoded: a glob of "people:get" never matched it.
  const personReads = (url: URL) => decodeURIComponent(url.pathname).endsWith('/api/invoke/people:get');
  await page.route(personReads, (route) => {
    if (holding) held.push(route);
    else void route.continue();
  });
  const id = Number(/people\/(\d+)/.exec(page.url())?.[1]);
  const invoke = (channel: string, input: unknown) => invokeHost(page, channel, input);
  const person = await invoke('people:get', { id });
  const values = {
    lastName: person['lastName'],
    firstName: person['firstName'],
    middleName: person['middleName'],
    companyId: (person['company'] as { id: number } | null)?.id ?? null,
    position: person['position'],
    birthday: person['birthday'],
    phones: (person['phones'] as Array<{ value: string; label: string }>).map(({ value, label }) => ({ value, label })),
    emails: person['emails'],
    addresses: person['addresses'],
    tags: person['tags'],
    notes: person['notes'],
    ...patch,
  };
  await invoke('people:update', { id, version: person['version'], values });
  return async () => {
    holding = false;
    // Held reads go on before the handler goes: unrouting first hands them on by itself.
    for (const route of held) await route.continue();
    await page.unroute(personReads);
  };
}

test('person and company fields are edited where they stand, in both languages', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await new StartPage(app).createDatabase({
    name: 'Клиенты',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: 'Пароль-для-теста-2026',
  });
  const records = new RecordsPages(page);
  await records.createCompany({ name: 'ООО «Ромашка»' });
  await records.createPerson({
    lastName: 'Соловьёва-Преображенская',
    firstName: 'Мария',
    middleName: 'Константиновна',
    company: 'ООО «Ромашка»',
  });
  await dismissNotifications(page);

  // An empty field shows a dash and its pencil; Enter saves what was typed.
  await expect(row(page, 'Должность')).toContainText('—');
  // Each control names its field, for a screen reader and when several editors are open.
  await expect(page.getByRole('button', { name: 'Добавить: Должность' })).toBeVisible();
  await pencil(page, 'Должность').click();
  await page.getByRole('textbox', { name: 'Должность' }).fill('Главный специалист по работе с ключевыми клиентами');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Должность')).toHaveText(/Главный специалист по работе с ключевыми клиентами/);
  await expect(page.getByRole('textbox', { name: 'Должность' })).toHaveCount(0);
  // The keyboard goes on from the field's pencil, not from the top of the page.
  await expect(pencil(page, 'Должность')).toBeFocused();

  // Esc puts a field back as it was, nothing saved.
  await pencil(page, 'Источник').click();
  await page.getByRole('textbox', { name: 'Источник' }).fill('Не то');
  await page.keyboard.press('Escape');
  await expect(row(page, 'Источник')).toHaveText(/—/);
  await expect(pencil(page, 'Источник')).toBeFocused();

  // A second field right after the first: the page already holds the saved version (no conflict).
  await pencil(page, 'День рождения').click();
  const birthday = page.locator('input[data-name="birthday"]');
  // Enter on a half-typed year saves nothing (not 14.03.2019, read from «14.03.19» on the way):
  // the box goes back to the date it held, and the edit goes on.
  await birthday.pressSequentially('14.03.198');
  await birthday.press('Enter');
  await expect(birthday).toHaveValue('');
  await expect(birthday).toBeFocused();
  await birthday.pressSequentially('17.04.1986');
  await birthday.press('Enter');
  await expect(row(page, 'День рождения')).toContainText('17.04.1986');
  await pencil(page, 'Теги').click();
  await page.getByRole('combobox', { name: 'Теги' }).pressSequentially('VIP,Выставка 2026,');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(row(page, 'Теги')).toContainText('VIP');
  await expect(row(page, 'Теги')).toContainText('Выставка 2026');

  // Two fields saved one right after the other: the second goes on the version the first made.
  await pencil(page, 'Язык общения').click();
  await page.getByRole('textbox', { name: 'Язык общения' }).fill('русский');
  await pencil(page, 'Сайт').click();
  await page.getByRole('textbox', { name: 'Сайт' }).fill('https://romashka.ru');
  await page.getByRole('button', { name: 'Сохранить: Язык общения' }).click();
  await page.getByRole('button', { name: 'Сохранить: Сайт' }).click();
  await expect(row(page, 'Сайт')).toHaveText(/https:\/\/romashka\.ru/);
  await expect(row(page, 'Язык общения')).toHaveText(/русский/);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Phones and e-mails together; a wrong e-mail is said before anything is sent.
  await pencil(page, 'Контакты').click();
  await page.getByRole('button', { name: 'Добавить телефон' }).click();
  await records.fill('phone-0', '8 (916) 123-45-67 доб. 12');
  await page.getByRole('button', { name: 'Добавить e-mail' }).click();
  await records.fill('email-0', 'maria@');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('alert')).toHaveText('Это не похоже на адрес почты');
  await records.fill('email-0', 'Maria.Solovyova@Romashka.ru');
  await page.getByRole('button', { name: 'Добавить адрес' }).click();
  await records.fill('address-0-city', 'Санкт-Петербург');
  await records.fill('address-0-street', 'Набережная реки Мойки, д. 12, офис 345');
  await saveScreenshot('115-person-contacts-inline-ru');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('phone')).toHaveText('+7 916 123-45-67 доб. 12');
  await expect(page.getByRole('link', { name: 'maria.solovyova@romashka.ru' })).toBeVisible();
  await expect(page.getByText('Санкт-Петербург, Набережная реки Мойки, д. 12, офис 345')).toBeVisible();

  // The name in the title: the display name follows the parts.
  await pencil(page, 'Имя').click();
  await records.fill('firstName', 'Мариам');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('person-name')).toHaveText('Соловьёва-Преображенская Мариам Константиновна');

  // Notes: Enter makes a new line, Ctrl+Enter saves.
  await pencil(page, 'Заметки').click();
  await page.getByRole('textbox', { name: 'Заметки' }).fill('Звонить после 15:00');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Предпочитает почту');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Предпочитает почту')).toBeVisible();
  await saveScreenshot('116-person-edited-inline-ru');

  // A colleague changes the person meanwhile: saving says so and shows their change; saving again
  // puts the user's change on top of it, and theirs stays: the colleague's patronymic with the
  // user's first name, the name made from both. (The browser host only: the race is staged by
  // holding the page's HTTP reads, which Electron's IPC has no way to hold.)
  if (app.target === 'browser') {
    await pencil(page, 'Имя').click();
    await records.fill('firstName', 'Мария');
    const release = await changeElsewhere(page, { middleName: 'Сергеевна', source: 'Звонок коллеги' });
    const refused = page.waitForResponse((response) => decodeURIComponent(response.url()).endsWith('/people:update'));
    await page.keyboard.press('Enter');
    expect(await (await refused).json()).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    // The page reads the record afresh before it says so (the save's error waits for that read).
    await release();
    await expect(page.getByRole('alert')).toContainText('Запись только что изменили на другом компьютере');
    await expect(row(page, 'Источник')).toHaveText(/Звонок коллеги/);
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect(page.getByTestId('person-name')).toHaveText('Соловьёва-Преображенская Мария Сергеевна');
    await expect(row(page, 'Источник')).toHaveText(/Звонок коллеги/);
  }

  // Every change was saved for real: the full form opens with them.
  await page.getByRole('button', { name: 'Изменить', exact: true }).click();
  await expect(page.locator('input[name="position"]')).toHaveValue(
    'Главный специалист по работе с ключевыми клиентами',
  );
  await expect(page.locator('input[name="firstName"]')).toHaveValue(app.target === 'browser' ? 'Мария' : 'Мариам');
  await expect(page.locator('input[data-name="birthday"]')).toHaveValue('17.04.1986');
  await page.getByRole('button', { name: 'Отмена' }).click();

  // The company's name, in place; its people show the new name.
  await page.getByRole('link', { name: 'ООО «Ромашка»' }).click();
  await expect(page.getByTestId('company-name')).toHaveText('ООО «Ромашка»');
  await pencil(page, 'Название').click();
  await page.getByRole('textbox', { name: 'Название' }).fill('');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Укажите название');
  await page.getByRole('textbox', { name: 'Название' }).fill('ООО «Ромашка и партнёры»');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('company-name')).toHaveText('ООО «Ромашка и партнёры»');
  await pencil(page, 'Отрасль').click();
  await page.getByRole('textbox', { name: 'Отрасль' }).fill('Оптовая торговля');
  await saveScreenshot('117-company-inline-ru');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Оптовая торговля').first()).toBeVisible();
  await page.getByRole('link', { name: /Соловьёва-Преображенская/ }).click();
  await expect(page.getByRole('link', { name: 'ООО «Ромашка и партнёры»' })).toBeVisible();

  // Every person of the company, in the people list (for bulk actions on them, say).
  await records.createPerson({ lastName: 'Петров', firstName: 'Иван' });
  await records.createPerson({ lastName: 'Кузнецов', firstName: 'Олег', company: 'ООО «Ромашка и партнёры»' });
  await page.getByRole('link', { name: 'ООО «Ромашка и партнёры»' }).click();
  await page.getByRole('button', { name: 'Все в списке контактов' }).click();
  await expect(page.getByRole('heading', { name: 'Контакты' })).toBeVisible();
  await expect(page.getByTestId('record-count')).toHaveText('2');
  await expect(page.getByRole('row').filter({ hasText: 'Кузнецов' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Петров' })).toHaveCount(0);
  // The filter says which company, and can be changed there.
  await page.getByRole('button', { name: /^Фильтр/ }).click();
  await expect(page.getByTestId('filter-condition')).toContainText('ООО «Ромашка и партнёры»');
  await saveScreenshot('121-people-of-company-filter-ru');
  await page.getByRole('button', { name: 'Применить' }).click();
  await expect(page.getByTestId('record-count')).toHaveText('2');

  // English screens too.
  await records.openSection(/^Настройки$/);
  await new ShellPage(page).switchLanguage('English');
  await records.openSection(/^People$/);
  await page.getByRole('row').filter({ hasText: 'Соловьёва-Преображенская' }).click();
  await pencil(page, /^Edit Source$/).click();
  await page.getByRole('textbox', { name: 'Source' }).fill('Trade show');
  await saveScreenshot('118-person-inline-en');
  await page.keyboard.press('Enter');
  await expect(row(page, 'Source')).toHaveText(/Trade show/);
  // The extension is named in the screen's language.
  await expect(page.getByTestId('phone')).toHaveText('+7 916 123-45-67 ext. 12');
});

test('the full form that meets a colleague’s save takes the new version and keeps the user’s own changes', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  const { page } = app;
  await new StartPage(app).createDatabase({
    name: 'Правки',
    path: path.join(dataDir, 'crm.kartoteka'),
    passphrase: 'Пароль-для-правок-2026',
  });
  const records = new RecordsPages(page);
  await records.createPerson({ lastName: 'Конфликтова', firstName: 'Ольга' });
  await page.getByRole('button', { name: 'Изменить', exact: true }).click();
  await records.fill('position', 'Директор по развитию');

  const release = await changeElsewhere(page, { notes: 'Заметка коллеги' });
  await release();
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('save-conflict')).toContainText('Запись изменили на другом компьютере');
  await saveScreenshot('130-form-conflict-ru');
  await page.getByRole('button', { name: 'Взять новую версию, оставив мои правки' }).click();
  await expect(page.locator('textarea[name="notes"]')).toHaveValue('Заметка коллеги');
  await expect(page.locator('input[name="position"]')).toHaveValue('Директор по развитию');
  await expect(page.getByTestId('save-conflict')).toHaveCount(0);

  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('person-name')).toHaveText('Конфликтова Ольга');
  await expect(row(page, 'Должность')).toHaveText(/Директор по развитию/);
  await expect(page.getByText('Заметка коллеги')).toBeVisible();
});
