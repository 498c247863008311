#!/usr/bin/env node
/**
 * The Marketplace listing's pictures, made from the repository so they never drift from the code:
 *   npm run listing:images       listing/src/*.svg -> listing/icon-128.png, icon-32.png, card-banner.png (and the
 *                                icons docs/ shows), rendered by Chromium at their exact sizes on a transparent ground
 *   npm run listing:screenshots  1280x800 screenshots of the preview (scripts/listing/screenshots.ts): the plan, the
 *                                wizard, Books, invoices -> listing/screenshot-*.png (the plan also to docs/plan.png,
 *                                the homepage's picture)
 * Sizes: developers.google.com/workspace/marketplace/create-listing ("Graphic assets"). Chromium is /usr/bin/chromium
 * through playwright-core, as in the browser tests (test/support/browser.ts).
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { readProductName } from './brand.mjs';
import { requireTypeScript } from './requireTypeScript.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

/** Each picture: its SVG source, the PNG it becomes and its size in pixels. */
export const IMAGES = [
  { source: 'listing/src/icon.svg', output: 'listing/icon-128.png', width: 128, height: 128 },
  { source: 'listing/src/icon-small.svg', output: 'listing/icon-32.png', width: 32, height: 32 },
  { source: 'listing/src/card-banner.svg', output: 'listing/card-banner.png', width: 220, height: 140 },
];

async function renderImages() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    for (const image of IMAGES) {
      const page = await browser.newPage({ viewport: { width: image.width, height: image.height }, deviceScaleFactor: 1 });
      // The banner's wording names the product: {{PRODUCT_NAME}} is src/brand.ts's, as in the add-on's pages.
      const svg = readFileSync(join(root, image.source), 'utf8').replace(/\{\{PRODUCT_NAME\}\}/g, () =>
        readProductName(root).replace(/&/g, '&amp;').replace(/</g, '&lt;'),
      );
      if (/\{\{\w+\}\}/.test(svg)) throw new Error(`${image.source} has a placeholder other than {{PRODUCT_NAME}}`);
      await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
      await page.screenshot({
        path: join(root, image.output),
        omitBackground: true,
        clip: { x: 0, y: 0, width: image.width, height: image.height },
      });
      await page.close();
      console.log(`${image.output} ${image.width}x${image.height}`);
    }
  } finally {
    await browser.close();
  }
  // The website (docs/) shows the same icons.
  copyFileSync(join(root, 'listing/icon-128.png'), join(root, 'docs/icon-128.png'));
  copyFileSync(join(root, 'listing/icon-32.png'), join(root, 'docs/icon-32.png'));
}

/** The screenshot driver is TypeScript (it shares the tests' preview helpers): bundled first, as the benchmark is. */
async function takeScreenshots() {
  const { takeListingScreenshots } = await requireTypeScript(root, 'scripts/listing/screenshots.ts', 'listing-screenshots');
  for (const file of await takeListingScreenshots(root)) console.log(file);
  // The website's homepage shows the plan too.
  copyFileSync(join(root, 'listing/screenshot-1-plan.png'), join(root, 'docs/plan.png'));
}

const command = process.argv[2];
const run = command === 'images' ? renderImages : command === 'screenshots' ? takeScreenshots : undefined;
if (!run) {
  console.error('Usage: node scripts/listing.mjs images|screenshots');
  process.exit(2);
}
run().catch((e) => {
  console.error(e);
  process.exit(1);
});
