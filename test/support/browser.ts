/**
 * Shared by every browser test: Chromium through playwright-core, and the `npm start` preview run as a child
 * process on a free port. Browser tests never skip: a missing Chromium is a failure, because a skipped browser
 * test passes while testing nothing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { findRepoRoot } from '../../emulator/src';

/** Found by walking up, so that the benchmark, which bundles this file elsewhere, finds it too. */
export const REPO = findRepoRoot(__dirname);
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Screenshots go here (git-ignored); look at them after a run. */
export const TEST_OUTPUT = join(REPO, 'test-output');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}. Browser tests need it and never skip: apt-get install -y chromium (.ci/run does).`,
    );
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The built sidebar page's <title>: the preview names the sidebar's frame with it, as Sheets titles the sidebar. */
export function sidebarTitle(): string {
  const title = /<title>([^<]*)<\/title>/.exec(readFileSync(join(REPO, 'dist', 'Sidebar.html'), 'utf8'))?.[1];
  if (!title) throw new Error('dist/Sidebar.html has no <title>');
  return title;
}

export function screenshotPath(name: string): string {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  return join(TEST_OUTPUT, `${name}.png`);
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface PreviewProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves when the process ends. */
  exited: Promise<Exit>;
  /** Sends the signal (Ctrl-C by default) and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

const READY = /Jumpwise preview ready in [\d.]+ s: (http:\/\/\S+)/;

/** Spawns `node scripts/start.mjs` (what `npm start` runs after installing dependencies) with PORT set. */
export function spawnPreview(options: { port: number; args?: string[] }): PreviewProcess & { ready: Promise<string> } {
  const child = spawn(process.execPath, [join(REPO, 'scripts', 'start.mjs'), ...(options.args ?? [])], {
    cwd: REPO,
    env: { ...process.env, PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = READY.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code, signal }) =>
      reject(new Error(`The preview exited (code ${code}, signal ${signal}) before it was ready:\n${output}`)),
    );
  });
  const stop = async (signal: NodeJS.Signals = 'SIGINT'): Promise<Exit> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return { url: `http://localhost:${options.port}`, port: options.port, child, output: () => output, exited, stop, ready };
}

/** Starts the preview on a free port and waits until it answers; fails with its output if it does not start. */
export async function startPreview(args: string[] = [], timeoutMs = 20000): Promise<PreviewProcess> {
  const preview = spawnPreview({ port: await freePort(), args });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The preview did not start within ${timeoutMs} ms:\n${preview.output()}`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([preview.ready, timeout]);
  } catch (e) {
    await preview.stop('SIGKILL');
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return preview;
}

/** A preview in Chromium, opened on its page, with what went wrong on the page collected in `problems`. */
export interface PreviewPage {
  preview: PreviewProcess;
  browser: Browser;
  page: Page;
  /** Page errors and any request that left the preview (the page must load nothing from the network). */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Starts the preview (with `args`, e.g. `--empty` or `--locale=en_GB`) and Chromium side by side, and opens the
 * preview's page once it has drawn. Each end-to-end file opens one and closes it in afterAll.
 */
export async function openPreviewPage(
  args: string[] = [],
  options: { viewport: { width: number; height: number }; locale?: string; timeoutMs?: number },
): Promise<PreviewPage> {
  const [preview, browser] = await Promise.all([startPreview(args), launchChromium()]);
  const page = await browser.newPage({ viewport: options.viewport, ...(options.locale ? { locale: options.locale } : {}) });
  page.setDefaultTimeout(options.timeoutMs ?? 10000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(preview.url)) problems.push(`network request to ${request.url()}`);
  });
  await page.goto(preview.url);
  await page.waitForSelector('body[data-renders]');
  return {
    preview,
    browser,
    page,
    problems,
    close: async () => {
      await browser.close();
      await preview.stop('SIGKILL');
    },
  };
}
