/**
 * Serves the built renderer and the same handler registry as Electron's ipcMain, over HTTP on
 * 127.0.0.1 with a per-launch token, plus server-sent events for the contract's events. This is
 * how the real renderer runs in a plain browser (e2e tests here, where Electron can't run).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../shared/errors';
import type { App } from '../app-context';
import { CONTENT_SECURITY_POLICY } from '../content-security-policy';

export type BrowserHostOptions = {
  app: App;
  /** Folder with the built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  token?: string;
};

export type BrowserHost = { url: string; origin: string; token: string; close(): Promise<void> };

const MAX_BODY_BYTES = 16 * 1024 * 1024;
const TOKEN_HEADER = 'x-kartoteka-token';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function deny(
  response: http.ServerResponse,
  status: number,
  code: 'Unauthorized' | 'InvalidInput',
  message: string,
): void {
  sendJson(response, status, { ok: false, error: new AppError(code, message).toJSON() });
}

async function readBody(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new AppError('InvalidInput', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new AppError('InvalidInput', 'Request body is not JSON');
  }
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const staticRoot = path.resolve(options.staticDir);
  const sseClients = new Set<http.ServerResponse>();
  let origin = '';
  let hostHeader = '';

  const unsubscribe = options.app.events.subscribe((event) => {
    const frame = `event: app\ndata: ${JSON.stringify(event)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  function serveStatic(urlPath: string, response: http.ServerResponse): void {
    const relative = decodeURIComponent(urlPath).replace(/^\/+/, '') || 'index.html';
    let filePath = path.resolve(staticRoot, relative);
    if (!filePath.startsWith(staticRoot + path.sep) && filePath !== staticRoot) {
      response.writeHead(404).end();
      return;
    }
    // Unknown paths get the app shell, as a single-page app expects.
    if (!fs.existsSync(filePath) || fs.statSync(filePath).isDirectory()) filePath = path.join(staticRoot, 'index.html');
    if (!fs.existsSync(filePath)) {
      response
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Renderer not built: run npm run build');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypes[path.extname(filePath)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    fs.createReadStream(filePath).pipe(response);
  }

  async function route(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    // Host check defeats DNS rebinding; Origin check defeats other pages on this machine.
    if (request.headers.host !== hostHeader) return deny(response, 403, 'Unauthorized', 'Wrong host');
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) {
      return deny(response, 403, 'Unauthorized', 'Cross-origin requests are refused');
    }
    const url = new URL(request.url ?? '/', origin);

    if (url.pathname === '/api/events' && request.method === 'GET') {
      if (!sameSecret(url.searchParams.get('token'), token))
        return deny(response, 401, 'Unauthorized', 'Missing or wrong token');
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      sseClients.add(response);
      request.on('close', () => sseClients.delete(response));
      return;
    }

    if (url.pathname.startsWith('/api/invoke/')) {
      if (request.method !== 'POST') return deny(response, 405, 'InvalidInput', 'Use POST');
      if (!sameSecret(request.headers[TOKEN_HEADER] as string | undefined, token)) {
        return deny(response, 401, 'Unauthorized', 'Missing or wrong token');
      }
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
        return deny(response, 415, 'InvalidInput', 'Send application/json');
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/invoke/'.length));
      try {
        const input = await readBody(request);
        return sendJson(response, 200, await options.app.dispatch(channel, input));
      } catch (error) {
        const appError = error instanceof AppError ? error : new AppError('Internal', 'Request failed');
        return sendJson(response, 400, { ok: false, error: appError.toJSON() });
      }
    }

    if (url.pathname.startsWith('/api/')) return deny(response, 404, 'InvalidInput', 'Unknown endpoint');
    if (request.method !== 'GET' && request.method !== 'HEAD') return deny(response, 405, 'InvalidInput', 'Use GET');
    return serveStatic(url.pathname, response);
  }

  const server = http.createServer((request, response) => {
    // Any page on this machine can reach the port: nothing it sends may throw out of here.
    route(request, response).catch(() => {
      if (!response.headersSent) deny(response, 400, 'InvalidInput', 'Malformed request');
      else response.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  hostHeader = `127.0.0.1:${port}`;
  origin = `http://${hostHeader}`;

  const keepAlive = setInterval(() => {
    for (const client of sseClients) client.write(': keep-alive\n\n');
  }, 20_000);
  keepAlive.unref();

  return {
    origin,
    token,
    // The token travels in the fragment, which browsers never send to a server or log.
    url: `${origin}/#token=${token}`,
    close: async () => {
      clearInterval(keepAlive);
      unsubscribe();
      for (const client of sseClients) client.end();
      sseClients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
