#!/usr/bin/env node
// Runs Electronegativity over the Electron glue, the preload and the built renderer page, prints
// every finding and fails on any high-severity one, or on any weakening of the window's isolation
// whatever its severity. The check that asks the network for newer Electron releases is left out:
// this machine has no network, and the version is pinned in package.json anyway.
// `--input DIR` checks another folder instead (the test suite feeds it a deliberately bad window).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const ALWAYS_FAIL = new Set([
  'CONTEXT_ISOLATION_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'NODE_INTEGRATION_HTML_CHECK',
  'NODE_INTEGRATION_JS_CHECK',
  'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'WEB_SECURITY_HTML_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'INSECURE_CONTENT_HTML_CHECK',
  'LIMIT_NAVIGATION_GLOBAL_CHECK',
  'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
]);

/** Electronegativity's CSV quotes fields that may hold commas or line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const require = createRequire(import.meta.url);
const { values } = parseArgs({ options: { input: { type: 'string' } } });
const electronVersion = require('electron/package.json').version;
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-electronegativity-'));
const report = path.join(stage, 'report.csv');
const input = values.input ? path.resolve(values.input) : path.join(stage, 'src');

try {
  if (!values.input) {
    fs.cpSync('main/electron', path.join(input, 'main/electron'), { recursive: true });
    fs.cpSync('preload', path.join(input, 'preload'), { recursive: true });
    fs.copyFileSync('dist/renderer/index.html', path.join(input, 'index.html'));
  }
  const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist/index.js');
  execFileSync(
    process.execPath,
    [cli, '-i', input, '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-v', 'false', '-o', report],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );

  const [, ...rows] = parseCsv(fs.readFileSync(report, 'utf8')).filter((row) => row.length > 4);
  const findings = rows.map(([check, severity, confidence, file, location, , description]) => ({
    check: check.trim(),
    description: description ?? '',
    severity: severity.trim(),
    confidence: confidence.trim(),
    where: file === 'N/A' ? 'global' : `${path.relative(input, file)}:${location}`,
  }));

  console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} finding(s)`);
  for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.check}  ${f.where}`);
  // A CSP finding about 'unsafe-inline' styles (Mantine injects <style>) is expected; no CSP at all is not.
  const missingCsp = (f) => f.check === 'CSP_GLOBAL_CHECK' && /No CSP/i.test(f.description);
  const blocking = findings.filter((f) => f.severity === 'HIGH' || ALWAYS_FAIL.has(f.check) || missingCsp(f));
  if (blocking.length > 0) {
    console.error(`${blocking.length} blocking finding(s): ${[...new Set(blocking.map((f) => f.check))].join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log('No blocking findings.');
  }
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
