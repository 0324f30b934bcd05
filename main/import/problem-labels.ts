/** Row problems in words, for the skipped-rows workbook and the CLI (the UI uses its own i18n). */
import type { ProblemCode, RowProblem } from '../../shared/domain/imports';

const labels: Record<ProblemCode, { en: string; ru: string }> = {
  missingName: { en: 'no name', ru: 'нет имени' },
  invalidEmail: { en: 'invalid e-mail', ru: 'неверный e-mail' },
  invalidPhone: { en: 'invalid phone', ru: 'неверный телефон' },
  unreadableDate: { en: 'unreadable date', ru: 'дата не распознана' },
  ambiguousDate: { en: 'ambiguous date: choose the order', ru: 'неоднозначная дата: выберите порядок' },
  unreadableNumber: { en: 'unreadable number', ru: 'число не распознано' },
  unreadableBoolean: { en: 'not yes or no', ru: 'не «да» и не «нет»' },
  unknownOption: { en: 'not one of the options', ru: 'нет такого варианта' },
  unknownOwner: { en: 'unknown owner', ru: 'неизвестный ответственный' },
  unknownChannel: { en: 'unknown contact channel', ru: 'неизвестный способ связи' },
  unknownId: { en: 'unknown id', ru: 'неизвестный id' },
  tooLong: { en: 'too long', ru: 'слишком длинное значение' },
  invalidValue: { en: 'value not accepted', ru: 'значение не подходит для поля' },
  duplicateInFile: { en: 'duplicate of an earlier row', ru: 'дубликат строки выше' },
  mergedInFile: { en: 'merged with an earlier row', ru: 'объединено со строкой выше' },
  joinedSkippedRow: {
    en: 'merged with a row above that was skipped',
    ru: 'объединена со строкой выше, которая пропущена',
  },
  repeatedId: { en: 'the same id as an earlier row', ru: 'тот же id, что в строке выше' },
  sharedPhone: {
    en: 'the phone of a record with another name: added as a new record',
    ru: 'телефон записи с другим именем: добавлена новая запись',
  },
  sharedEmail: {
    en: 'the e-mail of a record with another name (a shared mailbox): added as a new record',
    ru: 'e-mail записи с другим именем (общий ящик): добавлена новая запись',
  },
  ambiguousMatch: { en: 'matches several records', ru: 'совпадает с несколькими записями' },
  noMatch: { en: 'no matching record to update', ru: 'нет записи для обновления' },
  exists: { en: 'already exists', ru: 'уже есть в базе' },
  formulaText: { en: 'formula kept as text', ru: 'формула сохранена как текст' },
  totalsRow: { en: 'a totals row, not a record', ru: 'строка итогов, а не запись' },
  hiddenRow: { en: 'hidden in Excel', ru: 'скрыта в Excel' },
};

/**
 * The problems that made a row skipped: its errors, or (in "create only" mode) that it exists;
 * the other warnings of the row did not decide it.
 */
export function skipCauses(problems: readonly RowProblem[]): RowProblem[] {
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) return errors;
  const exists = problems.filter((problem) => problem.code === 'exists');
  return exists.length > 0 ? exists : [...problems];
}

export function problemLabel(problem: RowProblem, headers: string[], language: 'ru' | 'en'): string {
  const text = labels[problem.code][language];
  const column = problem.column === null ? null : headers[problem.column] || `#${problem.column + 1}`;
  const where = column ?? problem.field;
  return [where ? `${where}: ${text}` : text, problem.value ? `«${problem.value}»` : null].filter(Boolean).join(' ');
}
