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
        void (async () => {
          // No reading on this thread: a worker that didn't start fails the check.
          const readHere = () => { throw new Error('The bundled worker did not start'); };
          const rows = [];
          for await (const row of workerSheetRows({ path: process.argv[2], sheet: 'Клиенты' }, readHere)) {
            rows.push(row.cells);
          }
          process.stdout.write(JSON.stringify(rows));
        })();`,
      resolveDir: root,
      loader: 'ts',
    },
    outfile: harness,
  });
  const output = execFileSync(process.execPath, [harness, file], { encoding: 'utf8' });
  const expected = JSON.stringify(rows);
  if (output !== expected) {
    throw new Error(
      `The bundled xlsx reader worker read:\n${output.slice(0, 500)}\nexpected:\n${expected.slice(0, 500)}`,
    );
  }
  console.log(
    `Bundled workers OK: ${Object.keys(workerBundles).join(', ')} (${rows.length} rows read in a worker thread)`,
  );
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.rmSync(harness, { force: true });
}
