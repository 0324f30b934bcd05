import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../main/hosts/browser-host';
import { CONTENT_SECURITY_POLICY } from '../../main/content-security-policy';
import { createTestApp, type TestApp } from '../support/test-app';
import { useTempDir } from '../support/temp-dir';

const INDEX_HTML = '<!doctype html><title>Kartoteka test shell</title><div id="root"></div>';
const OUTSIDE_SECRET = 'OUTSIDE-THE-STATIC-FOLDER-4471';

type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A request with full control over the path and headers (fetch normalizes paths and forbids Host). */
function rawRequest(
  host: BrowserHost,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: Number(port),
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.setTimeout(3_000, () => request.destroy(new Error(`No answer to ${options.path} within 3 s`)));
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('browser host', () => {
  const tempDir = useTempDir();
  let test: TestApp | undefined;
  let host: BrowserHost | undefined;

  afterEach(async () => {
    await host?.close();
    await test?.app.dispose();
    host = undefined;
    test = undefined;
  });

  async function start(): Promise<{ host: BrowserHost; test: TestApp; root: string }> {
    const root = tempDir();
    const staticDir = path.join(root, 'static');
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("app");');
    fs.writeFileSync(path.join(root, 'secret.txt'), OUTSIDE_SECRET);
    fs.mkdirSync(path.join(root, 'static-private'));
    fs.writeFileSync(path.join(root, 'static-private', 'secret.txt'), OUTSIDE_SECRET);
    test = createTestApp(path.join(root, 'data'));
    host = await startBrowserHost({ app: test.app, staticDir });
    return { host, test, root };
  }

  function invoke(
    started: BrowserHost,
    channel: string,
    init: { token?: string | null; origin?: string; body?: string; contentType?: string } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': init.contentType ?? 'application/json' };
    const token = init.token === undefined ? started.token : init.token;
    if (token !== null) headers['x-kartoteka-token'] = token;
    if (init.origin !== undefined) headers.origin = init.origin;
    return fetch(`${started.origin}/api/invoke/${channel}`, { method: 'POST', headers, body: init.body ?? '{}' });
  }

  it('listens on 127.0.0.1 and hands the token over in the URL fragment only', async () => {
    const started = await start();
    expect(started.host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(started.host.url).toBe(`${started.host.origin}/#token=${started.host.token}`);
    expect(started.host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a call without the token', async () => {
    const started = await start();
    const response = await invoke(started.host, 'app:info', { token: null });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'Unauthorized' } });
  });

  it.each([
    ['a wrong token of the same length', (token: string) => `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`],
    ['a shorter token', (token: string) => token.slice(0, 10)],
    ['an empty token', () => ''],
  ])('refuses a call with %s', async (_label, forge) => {
    const started = await start();
    const response = await invoke(started.host, 'app:info', { token: forge(started.host.token) });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'Unauthorized' } });
  });

  it('refuses a call from another origin even with the token', async () => {
    const started = await start();
    const response = await invoke(started.host, 'app:info', { origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'Unauthorized' } });
  });

  it('answers a call with the token from its own origin', async () => {
    const started = await start();
    const response = await invoke(started.host, 'app:info', { origin: started.host.origin });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { ok: boolean; value: Record<string, unknown> };
    expect(body.ok).toBe(true);
    expect(body.value).toMatchObject({ host: 'browser', nativeDialogs: false, canRememberPassphrase: false });
  });

  it('runs the same dispatcher as the renderer: errors come back as data', async () => {
    const started = await start();
    const status = await invoke(started.host, 'database:status');
    expect(await status.json()).toEqual({ ok: true, value: { state: 'closed' } });

    const notOpen = await invoke(started.host, 'database:info');
    expect(notOpen.status).toBe(200);
    expect(await notOpen.json()).toMatchObject({ ok: false, error: { code: 'DatabaseNotOpen' } });

    const unknown = await invoke(started.host, 'database:drop');
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });

    const update = await invoke(started.host, 'settings:update', { body: JSON.stringify({ theme: 'dark' }) });
    expect(await update.json()).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(started.test.app.environment.settings.read().theme).toBe('dark');
  });

  it('refuses a body that is not JSON with InvalidInput', async () => {
    const started = await start();
    const response = await invoke(started.host, 'settings:update', { body: '{"theme": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(started.test.app.environment.settings.read().theme).toBe('auto');
  });

  it('refuses a body that is not declared as JSON, and calls that are not POST', async () => {
    const started = await start();
    const plain = await invoke(started.host, 'app:info', { contentType: 'text/plain' });
    expect(plain.status).toBe(415);
    expect(await plain.json()).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });

    const get = await fetch(`${started.host.origin}/api/invoke/app:info`, {
      headers: { 'x-kartoteka-token': started.host.token },
    });
    expect(get.status).toBe(405);

    const unknownEndpoint = await fetch(`${started.host.origin}/api/other`, {
      headers: { 'x-kartoteka-token': started.host.token },
    });
    expect(unknownEndpoint.status).toBe(404);
  });

  it('refuses a request for another Host name (DNS rebinding)', async () => {
    const started = await start();
    const response = await rawRequest(started.host, {
      path: '/api/invoke/app:info',
      method: 'POST',
      headers: { host: 'evil.example', 'content-type': 'application/json', 'x-kartoteka-token': started.host.token },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'Unauthorized' } });

    const page = await rawRequest(started.host, {
      path: '/',
      headers: { host: `evil.example:${new URL(started.host.origin).port}` },
    });
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('Kartoteka test shell');
  });

  it('serves index.html with the content security policy', async () => {
    const started = await start();
    const response = await fetch(`${started.host.origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX_HTML);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets with their type and unknown paths with the app shell', async () => {
    const started = await start();
    const script = await fetch(`${started.host.origin}/assets/app.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toBe('console.log("app");');

    const route = await fetch(`${started.host.origin}/contacts/42`);
    expect(route.status).toBe(200);
    expect(await route.text()).toBe(INDEX_HTML);
  });

  it.each([
    '/../../etc/passwd',
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/..%2fstatic-private%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
  ])('does not serve files outside the static folder for %s', async (requestPath) => {
    const started = await start();
    const response = await rawRequest(started.host, {
      path: requestPath,
      headers: { host: new URL(started.host.origin).host },
    });
    expect([200, 404]).toContain(response.status);
    if (response.status === 200) expect(response.body).toBe(INDEX_HTML);
    expect(response.body).not.toContain(OUTSIDE_SECRET);
    expect(response.body).not.toContain('root:');
  });

  it.each([
    ['GET', '/%E0%A4%A'],
    ['POST', '/api/invoke/%E0%A4%A'],
  ])('answers %s %s (malformed percent-encoding) with an error instead of hanging', async (method, requestPath) => {
    const started = await start();
    const response = await rawRequest(started.host, {
      path: requestPath,
      method,
      headers: {
        host: new URL(started.host.origin).host,
        'content-type': 'application/json',
        'x-kartoteka-token': started.host.token,
      },
      body: method === 'POST' ? '{}' : undefined,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('refuses the event stream without the right token', async () => {
    const started = await start();
    const missing = await fetch(`${started.host.origin}/api/events`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'Unauthorized' } });
    const wrong = await fetch(`${started.host.origin}/api/events?token=nope`);
    expect(wrong.status).toBe(401);
    // The header alone is not how the stream authenticates.
    const header = await fetch(`${started.host.origin}/api/events`, {
      headers: { 'x-kartoteka-token': started.host.token },
    });
    expect(header.status).toBe(401);
  });

  it('streams app events to a client holding the token', async () => {
    const started = await start();
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 5_000);
    try {
      const response = await fetch(
        `${started.host.origin}/api/events?token=${encodeURIComponent(started.host.token)}`,
        {
          signal: abort.signal,
        },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let received = '';
      const readUntil = async (done: () => boolean) => {
        while (!done()) {
          const chunk = await reader.read();
          if (chunk.done) throw new Error(`The stream ended early; got ${JSON.stringify(received)}`);
          received += chunk.value;
        }
      };
      await readUntil(() => received.includes(': connected\n\n'));

      started.test.app.events.emit('data:changed', { entities: ['contacts'] });
      const frameAt = () => received.indexOf('event: app\n');
      await readUntil(() => frameAt() >= 0 && received.indexOf('\n\n', frameAt()) >= 0);
      const frame = received.slice(frameAt(), received.indexOf('\n\n', frameAt()));
      const data = frame
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice('data: '.length))
        .join('\n');
      expect(JSON.parse(data)).toEqual({ name: 'data:changed', payload: { entities: ['contacts'] } });

      // Closing the host ends the stream instead of leaving the client hanging.
      await started.host.close();
      host = undefined;
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
      }
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  });
});
