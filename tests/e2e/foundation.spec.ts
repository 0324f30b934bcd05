import path from 'node:path';
import { expect, test } from './support/fixtures';
import { RecordsPages } from './pages/records-pages';
import { ShellPage } from './pages/shell-page';
import { StartPage } from './pages/start-page';
import { dismissNotifications } from './support/notifications';

const LONG_NAME =
  'Клиентская база агентства недвижимости «Северо-Западное партнёрство» — Санкт-Петербург и Ленинградская область';
const PASSPHRASE = 'Пароль-для-теста-2026';

test('create a database, lock, fail and succeed to unlock, switch language', async ({
  app,
  dataDir,
  saveScreenshot,
}) => {
  const start = new StartPage(app);
  const shell = new ShellPage(app.page);

  await expect(app.page.getByText(/Здесь появятся базы/)).toBeVisible();
  await saveScreenshot('01-start-empty-ru');

  // Validation happens before anything reaches main.
  await start.createDatabase({
    name: LONG_NAME,
    path: path.join(dataDir, 'agency.kartoteka'),
    passphrase: PASSPHRASE,
    confirmation: 'другой пароль',
  });
  await expect(app.page.getByText('Пароли не совпадают')).toBeVisible();
  await saveScreenshot('02-create-validation-ru');

  await app.page.locator('input[name="passphrase-confirmation"]').fill(PASSPHRASE);
  await app.page.getByRole('button', { name: 'Создать базу' }).click();
  await expect(shell.databaseName()).toHaveText(LONG_NAME);
  await expect(app.page.getByRole('heading', { name: 'Обзор' })).toBeVisible();
  // A new base: nothing in it yet, and the overview says where to begin.
  await expect(app.page.getByTestId('people:count-total')).toHaveText('0');
  await expect(app.page.getByTestId('companies:count-total')).toHaveText('0');
  await expect(app.page.getByTestId('overview-empty')).toContainText('База пока пуста');
  await expect(app.page.getByTestId('last-import')).toHaveCount(0);
  await saveScreenshot('03-overview-ru');

  await shell.lock();
  await expect(shell.unlockHeading()).toBeVisible();
  await expect(app.page.getByText(LONG_NAME, { exact: false })).toBeVisible();
  await saveScreenshot('04-locked-ru');

  await shell.unlock('совсем не тот пароль');
  await expect(shell.errorAlert()).toContainText('Неверный пароль');
  await expect(shell.unlockHeading()).toBeVisible();
  await saveScreenshot('05-wrong-passphrase-ru');

  await shell.unlock(PASSPHRASE);
  await expect(shell.databaseName()).toHaveText(LONG_NAME);

  await shell.navigate(/^Настройки$/);
  await expect(app.page.getByRole('heading', { name: 'Настройки', level: 2 })).toBeVisible();
  await expect(app.page.getByTestId('database-path')).toHaveText(path.join(dataDir, 'agency.kartoteka'));
  await saveScreenshot('06-settings-ru');

  await shell.switchLanguage('English');
  await expect(app.page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  await expect(app.page.getByRole('navigation').getByText('Overview')).toBeVisible();
  await saveScreenshot('07-settings-en');
  await shell.lock();
  await expect(shell.unlockHeading()).toHaveText('The database is locked');
  await saveScreenshot('08-locked-en');
  await shell.unlock('wrong passphrase');
  await expect(shell.errorAlert()).toContainText('Wrong passphrase');
  await shell.unlock(PASSPHRASE);

  await shell.navigate(/^Settings$/);
  await shell.switchLanguage('Русский');
  await expect(app.page.getByRole('heading', { name: 'Настройки', level: 2 })).toBeVisible();
});

test('reopen a database from the recent list; change its passphrase', async ({ app, dataDir, saveScreenshot }) => {
  const start = new StartPage(app);
  const shell = new ShellPage(app.page);
  const file = path.join(dataDir, 'clients.kartoteka');
  await start.createDatabase({ name: 'Клиенты', path: file, passphrase: PASSPHRASE });
  await expect(shell.databaseName()).toHaveText('Клиенты');

  await shell.navigate(/^Настройки$/);
  await app.page.locator('input[name="current-passphrase"]').fill(PASSPHRASE);
  await app.page.locator('input[name="new-passphrase"]').fill('новый-пароль-2027');
  await app.page.locator('input[name="new-passphrase-confirmation"]').fill('новый-пароль-2027');
  await app.page.getByRole('button', { name: 'Сменить пароль' }).click();
  await expect(app.page.getByText(/Пароль изменён/)).toBeVisible();
  // The toast can sit over "Закрыть базу", and a pointer left on it keeps it open: the click would wait.
  await dismissNotifications(app.page);

  await app.page.getByRole('button', { name: 'Закрыть базу' }).click();
  await expect(app.page.getByTestId('recent-databases')).toContainText('Клиенты');
  await saveScreenshot('09-start-recent-ru');

  await app.page.getByTestId('recent-databases').getByText('Клиенты').click();
  await start.openDatabase({ passphrase: PASSPHRASE });
  await expect(shell.errorAlert()).toContainText('Неверный пароль');
  await start.openDatabase({ passphrase: 'новый-пароль-2027' });
  await expect(shell.databaseName()).toHaveText('Клиенты');
});

test('another database opens on its overview, not on the record the last one had open', async ({ app, dataDir }) => {
  const start = new StartPage(app);
  const shell = new ShellPage(app.page);
  await start.createDatabase({ name: 'Первая', path: path.join(dataDir, 'first.kartoteka'), passphrase: PASSPHRASE });
  await new RecordsPages(app.page).createPerson({ lastName: 'Первова', firstName: 'Анна' });
  await expect(app.page).toHaveURL(/#\/people\/\d+/);

  // Unlocking the same base comes back to the same record.
  await shell.lock();
  await shell.unlock(PASSPHRASE);
  await expect(app.page.getByRole('heading', { name: /Первова Анна/ })).toBeVisible();
  await expect(app.page).toHaveURL(/#\/people\/\d+/);

  await shell.lock();
  await app.page.getByRole('button', { name: 'Открыть другую базу' }).click();
  await start.createDatabase({ name: 'Вторая', path: path.join(dataDir, 'second.kartoteka'), passphrase: PASSPHRASE });
  await expect(shell.databaseName()).toHaveText('Вторая');
  await expect(app.page).not.toHaveURL(/people/);
  await expect(app.page.getByText('Запись не найдена')).toHaveCount(0);
});
