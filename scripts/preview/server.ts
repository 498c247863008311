/**
 * The preview's HTTP server: the spreadsheet-window page, its JSON actions, the sidebar/dialog frames with
 * google.script.run bridged to the bundle, and the automation API (GET /api/spreadsheet, POST /api/reset).
 * Everything is served from this process; the page loads nothing from the network.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { ActionAnswer } from './protocol';
import { LOCALE_NAME, PreviewSession, type PreviewSessionOptions } from './session';

export interface PreviewServerOptions extends PreviewSessionOptions {
  port: number;
  /** Folder holding page.js and script-run-shim.js (the browser bundles start.mjs writes). */
  assetsDir: string;
  /** Folder holding page.html and page.css (scripts/preview). */
  pageDir: string;
}

export interface RunningPreview {
  url: string;
  server: Server;
  session: PreviewSession;
  close(): Promise<void>;
}

/** Put where the page's markers are; `</script` inside a script would end the tag early. */
function inlineScript(code: string): string {
  return `<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`;
}

function pageHtml(options: PreviewServerOptions): string {
  const html = readFileSync(join(options.pageDir, 'page.html'), 'utf8');
  const css = readFileSync(join(options.pageDir, 'page.css'), 'utf8');
  const js = readFileSync(join(options.assetsDir, 'page.js'), 'utf8');
  return html.replace('<!-- page.css -->', () => `<style>${css}</style>`).replace('<!-- page.js -->', () => inlineScript(js));
}

/** The add-on's page exactly as built, with the google.script shim first in <head> so the page's scripts find it. */
export function withScriptShim(html: string, shim: string): string {
  const tag = inlineScript(shim);
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new HttpError(400, 'The request body must be a JSON object.');
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new HttpError(400, `"${field}" must be a string.`);
  return value;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(body);
}

const sendJson = (response: ServerResponse, body: unknown, status = 200): void =>
  send(response, status, 'application/json', JSON.stringify(body));

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function createPreviewServer(options: PreviewServerOptions): { server: Server; session: PreviewSession } {
  const session = new PreviewSession(options);
  const page = pageHtml(options);
  const shim = readFileSync(join(options.assetsDir, 'script-run-shim.js'), 'utf8');

  /** Runs a user action; a failure (a menu function that threw, bad input) is shown, the view still answers. */
  const action = (response: ServerResponse, run: () => void): void => {
    let error: string | undefined;
    // The person acts on the sheet as it is now: executions due by now have finished.
    session.advanceClock();
    try {
      run();
    } catch (e) {
      if (e instanceof HttpError) throw e;
      error = messageOf(e);
    }
    const answer: ActionAnswer = { view: session.view(), ...(error === undefined ? {} : { error }) };
    sendJson(response, answer);
  };

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> | void> = {
    'GET /': (_q, response) => send(response, 200, 'text/html', page),
    'GET /api/spreadsheet': (_q, response) => {
      session.advanceClock();
      sendJson(response, session.emulator.toJSON());
    },
    'GET /api/view': (_q, response) => sendJson(response, session.view()),
    // ?locale=en_GB rebuilds the sample in that spreadsheet locale (currency and separators follow it).
    'POST /api/reset': (_q, response, url) => {
      const locale = url.searchParams.get('locale') ?? undefined;
      if (locale !== undefined && !LOCALE_NAME.test(locale))
        throw new HttpError(400, `Unknown locale "${locale}": give a language and region such as en_GB.`);
      action(response, () => session.reset(locale));
    },
    'POST /api/input': async (request, response) => {
      const body = await readJson(request);
      action(response, () => session.enterInput(text(body.sheet, 'sheet'), text(body.a1, 'a1'), text(body.input, 'input')));
    },
    'POST /api/activate': async (request, response) => {
      const body = await readJson(request);
      action(response, () => session.activate(text(body.sheet, 'sheet')));
    },
    'POST /api/run': async (request, response) => {
      const body = await readJson(request);
      const selection = body.a1 === undefined ? undefined : { sheet: text(body.sheet, 'sheet'), a1: text(body.a1, 'a1') };
      action(response, () => session.runMenuItem(text(body.functionName, 'functionName'), selection));
    },
    'POST /api/dismiss': async (request, response) => {
      const body = await readJson(request);
      const kind = text(body.kind, 'kind');
      if (kind !== 'sidebar' && kind !== 'dialog' && kind !== 'alert') throw new HttpError(400, `Unknown kind "${kind}".`);
      action(response, () => session.dismiss(kind));
    },
    'POST /api/script-run': async (request, response) => {
      const body = await readJson(request);
      const args = body.args === undefined ? [] : body.args;
      if (!Array.isArray(args)) throw new HttpError(400, '"args" must be an array.');
      session.advanceClock();
      sendJson(response, session.scriptRun(text(body.functionName, 'functionName'), args));
    },
    'GET /frame/sidebar': (_q, response) => {
      const html = session.sidebarHtml();
      if (html === undefined) throw new HttpError(404, 'No sidebar is open.');
      send(response, 200, 'text/html', withScriptShim(html, shim));
    },
    'GET /frame/dialog': (_q, response) => {
      const html = session.dialogHtml();
      if (html === undefined) throw new HttpError(404, 'No dialog is open.');
      send(response, 200, 'text/html', withScriptShim(html, shim));
    },
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = routes[`${request.method} ${url.pathname}`];
    const handle = async (): Promise<void> => {
      // The preview runs scripts on request: it answers only this machine's pages (no other site's page
      // through the browser, no DNS-rebound name), besides listening on the loopback address alone.
      if (!LOOPBACK_HOST.test(request.headers.host ?? '')) throw new HttpError(403, 'The preview answers on localhost only.');
      const origin = request.headers.origin;
      if (origin !== undefined && !LOOPBACK_ORIGIN.test(origin)) {
        throw new HttpError(403, 'The preview answers its own pages only.');
      }
      if (!route) throw new HttpError(404, `Nothing at ${request.method} ${url.pathname}.`);
      await route(request, response, url);
    };
    handle().catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (!response.headersSent) sendJson(response, { error: messageOf(e) }, status);
      else response.end();
    });
  });
  return { server, session };
}

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;
const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** Listens on the port; rejects with the listen error (EADDRINUSE when the port is taken). */
export function startPreviewServer(options: PreviewServerOptions): Promise<RunningPreview> {
  const { server, session } = createPreviewServer(options);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolve({
        url: `http://localhost:${port}`,
        server,
        session,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
