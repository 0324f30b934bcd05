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

/**
 * Reads the findings table Electronegativity prints. Its CSV and SARIF writers were seen to
 * interleave rows (an async writer), while the printed table is written in one piece.
 */
function parseTable(stdout) {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes
  const text = stdout.replace(/\u001b\[[0-9;]*m/g, '');
  const finding =
    /│ ([A-Z_]+_CHECK)\s*│ ([^│]*)│ ([^│]*)│[^\n]*\n(?:│ \*Review Required\*[^\n]*\n)?│ (INFORMATIONAL|LOW|MEDIUM|HIGH) \| (\w+)/g;
  return [...text.matchAll(finding)].map(([, check, file, location, severity, confidence]) => ({
    check,
    severity,
    confidence,
    file: file.trim(),
    location: location.trim(),
  }));
}

const require = createRequire(import.meta.url);
const { values } = parseArgs({ options: { input: { type: 'string' } } });
const electronVersion = require('electron/package.json').version;
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'kartoteka-electronegativity-'));
const input = values.input ? path.resolve(values.input) : path.join(stage, 'src');

try {
  if (!values.input) {
    fs.cpSync('main/electron', path.join(input, 'main/electron'), { recursive: true });
    fs.cpSync('preload', path.join(input, 'preload'), { recursive: true });
    fs.copyFileSync('renderer/index.html', path.join(input, 'index.html'));
  }
  const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist/index.js');
  const stdout = execFileSync(
    process.execPath,
    [cli, '-i', input, '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-v', 'false'],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const findings = parseTable(stdout).map((finding) => ({
    ...finding,
    where: finding.file === 'N/A' ? 'global' : `${path.relative(input, finding.file)}:${finding.location}`,
  }));
  // An app with a preload always has findings; none at all means the scan itself failed.
  if (findings.length === 0) {
    console.error('Electronegativity reported nothing: the scan failed, so nothing was checked.');
    process.exit(1);
  }

  console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} finding(s)`);
  for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.check}  ${f.where}`);
  // A CSP finding about 'unsafe-inline' styles (Mantine injects <style>) is LOW; no CSP at all is MEDIUM+.
  const missingCsp = (f) => f.check === 'CSP_GLOBAL_CHECK' && f.severity !== 'LOW';
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
