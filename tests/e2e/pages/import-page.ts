import { expect, type Locator, type Page } from '@playwright/test';

/** The import wizard: file, columns, options, dry run grid, run and report. */
export class ImportPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page
      .getByRole('navigation')
      .getByText(/^(Импорт|Import)$/)
      .click();
  }

  /** The browser host has no native dialogs: the path is typed. */
  async openFile(filePath: string) {
    await this.page.locator('input[name="import-path"]').fill(filePath);
    await this.page.getByRole('button', { name: /^(Открыть|Open)$/ }).click();
    await expect(this.page.getByTestId('column-mapping').first()).toBeVisible();
  }

  /** Goes to the wizard and opens a file in it. */
  async start(filePath: string) {
    await this.open();
    await this.openFile(filePath);
  }

  mappingRow(header: string) {
    return this.page.locator(`[data-testid="mapping-row"][data-header="${header}"]`);
  }

  /** The fields a column feeds, as the pills of its MultiSelect show them. */
  targetsOf(header: string) {
    return this.mappingRow(header).locator('.mantine-Pill-label');
  }

  async next() {
    await this.page.getByRole('button', { name: /^(Далее|Next)$/ }).click();
  }

  summary() {
    return this.page.getByTestId('dry-run-summary');
  }

  grid() {
    return this.page.getByTestId('dry-run-grid');
  }

  gridRow(text: string) {
    return this.page.getByTestId('grid-row').filter({ hasText: text });
  }

  /** Waits until no dry run is under way. */
  async dryRunSettled() {
    await expect(this.page.getByTestId('dry-run-progress')).toHaveCount(0);
    await expect(this.summary()).toBeVisible();
  }

  /** Types the fix into the cell's editor, then leaves it with Enter or by clicking `away`. */
  async fixCell(current: string, value: string, away?: Locator) {
    await this.page.getByTestId('problem-cell').filter({ hasText: current }).click();
    const input = this.page.locator('input[name="cell-fix"]');
    await input.fill(value);
    if (away) await away.click();
    else await input.press('Enter');
  }

  async filter(label: RegExp) {
    await this.page.getByTestId('grid-filter').getByText(label).click();
  }

  async run() {
    await this.page.getByTestId('run-import').click();
  }

  /** From the columns step with the options as they are: options, dry run, then the run. */
  async runFromMapping() {
    await this.next();
    await this.next();
    await this.dryRunSettled();
    await this.next();
    await this.run();
  }

  report() {
    return this.page.getByTestId('import-report');
  }

  /** Picks a field for a column in its MultiSelect (adds it to what the column feeds). */
  async addTarget(header: string, field: string) {
    await this.mappingRow(header).locator('input').first().click();
    await this.page.getByRole('option', { name: field, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  headerRowInput() {
    return this.page.locator('input[name="sheet-header-row"]');
  }

  /** The wizard's steps in order, each with `data-completed` once done. */
  steps() {
    return this.page.getByTestId('import-stepper').locator('.mantine-Stepper-step');
  }

  /** The value-mapping Select for one of the file's values. */
  valueChoice(source: string) {
    return this.page.getByTestId('value-choices').getByRole('combobox', { name: source, exact: true });
  }

  async openHistory() {
    await this.open();
    // The wizard's own button (a finished import's report has one too).
    await this.page.getByTestId('open-import-history').click();
  }
}
