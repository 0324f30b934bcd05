#!/usr/bin/env node
// Runs the app's bundled worker threads the way the packaged app starts them: a CommonJS bundle
// of main-process code (built with the app's own options) reads a workbook through the bundled
// xlsx reader worker next to it. Needs `npm run build` first. Exits non-zero on any difference.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { mainBundleOptions, workerBundles } from './main-bundle-options.mjs';

const root = path.resolve(import.meta.dirname, '..');
const bundleDir = path.join(root, 'dist', 'main');
for (const name of Object.keys(workerBundles)) {
  if (!fs.existsSync(path.join(bundleDir, `${name}.cjs`)))
    throw new Error(`dist/main/${name}.cjs is missing: run npm run build`);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-bundles-'));
const harness = path.join(bundleDir, '.check-worker-bundles.cjs');
try {
  const file = path.join(scratch, 'клиенты.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Клиенты');
  const rows = [['Фамилия', 'Сумма', 'Дата']];
  for (let i = 1; i <= 1200; i += 1) rows.push([`Иванов ${i}`, i * 2.5, new Date(Date.UTC(2024, 0, (i % 28) + 1))]);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);

  // CommonJS like the app's bundles (no top-level await): the body runs in an async function.
  await build({
    ...mainBundleOptions,
    sourcemap: false,
    stdin: {
      contents: `
        import { workerSheetRows } from './main/spreadsheets/worker-sheet-rows';
        import { startWorker } from './main/threads/start-worker';
        import { workerItems } from './main/threads/worker-items';
        void (async () => {
          // No reading on this thread: a worker that didn't start fails the check.
          const readHere = () => { throw new Error('The bundled worker did not start'); };
          const request = { path: process.argv[2], sheet: 'Клиенты' };
          const rows = [];
          for await (const row of workerSheetRows(request, readHere)) rows.push(row.cells);
          // The import's parse worker: surnames as text, the dates as ISO dates.
          const columns = [
            { index: 0, targets: [{ key: 'lastName', kind: 'text' }], dateOrder: null },
            { index: 2, targets: [{ key: 'birthday', kind: 'date' }], dateOrder: null },
          ];
          const plan = { headerRow: 0, skippedRows: [], fixes: [], columns, defaultCountry: 'RU', catalogs: [], valueMappings: [], listed: [] };
          const parsed = [];
          let seen = null;
          const items = workerItems(() => startWorker('import-parse-worker', { ...request, plan }), readHere, (result) => (seen = result));
          for await (const item of items) parsed.push(item.flat);
          process.stdout.write(JSON.stringify({ rows, parsed, seen }));
        })();`,
      resolveDir: root,
      loader: 'ts',
    },
    outfile: harness,
  });
  const output = JSON.parse(execFileSync(process.execPath, [harness, file], { encoding: 'utf8' }));
  const expected = JSON.stringify(rows);
  if (JSON.stringify(output.rows) !== expected) {
    throw new Error(
      `The bundled xlsx reader worker read:\n${JSON.stringify(output.rows).slice(0, 500)}\nexpected:\n${expected.slice(0, 500)}`,
    );
  }
  const expectedParse = JSON.stringify(
    rows.slice(1).map(([lastName, , date]) => ({ lastName, birthday: date.toISOString().slice(0, 10) })),
  );
  if (JSON.stringify(output.parsed) !== expectedParse || !Array.isArray(output.seen)) {
    throw new Error(
      `The bundled import parse worker gave:\n${JSON.stringify(output.parsed).slice(0, 500)}\nexpected:\n${expectedParse.slice(0, 500)}`,
    );
  }
  console.log(
    `Bundled workers OK: ${Object.keys(workerBundles).join(', ')} (${rows.length} rows read, ${output.parsed.length} parsed in worker threads)`,
  );
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.rmSync(harness, { force: true });
}
