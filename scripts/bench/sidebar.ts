/**
 * sidebarReadyMs: in Chromium through the preview, from the sidebar page's navigation to its first wizard
 * step being usable. The page sets the performance mark "leap-wizard-interactive" at that moment; the
 * mark's startTime is measured from the frame's own navigation start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, startPreview } from '../../test/support/browser';
import { median, runs } from './measure';

export async function measureSidebarReady(root: string, count = runs(5)): Promise<number> {
  const title = /<title>([^<]*)<\/title>/.exec(readFileSync(join(root, 'dist', 'Sidebar.html'), 'utf8'))?.[1];
  if (!title) throw new Error('dist/Sidebar.html has no <title>');
  const preview = await startPreview();
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const page = await browser.newPage();
      await page.goto(preview.url);
      await page.getByRole('button', { name: 'Extensions' }).click();
      await page.getByRole('menuitem', { name: 'Jumpwise' }).click();
      await page.getByRole('menuitem', { name: 'Plan my transition…' }).click();
      const frame = page.frameLocator(`iframe[title="${title}"]`);
      await frame.locator('input, select, textarea').first().waitFor({ state: 'visible', timeout: 10000 });
      const handle = await page.locator(`iframe[title="${title}"]`).elementHandle();
      const content = await handle?.contentFrame();
      if (!content) throw new Error('the sidebar frame has no content');
      const ms = await content.waitForFunction(() => {
        const mark = performance.getEntriesByName('leap-wizard-interactive')[0];
        return mark ? mark.startTime : false;
      });
      times.push((await ms.jsonValue()) as number);
      await page.close();
    }
    return median(times);
  } finally {
    await browser.close();
    await preview.stop();
  }
}
