/**
 * `npm run check:listing` (scripts/check-listing.mjs): passes on the repository as it is, and names the problem when
 * the listing breaks one of Google's limits (developers.google.com/workspace/marketplace/create-listing) or stops
 * matching the add-on. Each failing case runs the checker on a copy of the files it reads, changed in one way.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain ES module without types
import { networkLoads } from '../../scripts/build.mjs';
// @ts-expect-error: a plain ES module without types
import { checkListing, pngSize } from '../../scripts/check-listing.mjs';
import { REPO } from '../support/browser';

const check = checkListing as (root: string) => string[];
let copy: string;

beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'listing-'));
  for (const path of ['listing', 'docs', 'appsscript.json', 'sidebar/Help.html', 'src/brand.ts'])
    cpSync(join(REPO, path), join(copy, path), { recursive: true });
});
afterEach(() => rmSync(copy, { recursive: true, force: true }));

const listingPath = () => join(copy, 'listing', 'listing.json');
interface Listing {
  name: string;
  shortDescription: string;
  detailedDescription: string;
  postInstallTip: string;
  scopes: string[];
  urls: Record<string, string>;
}
function editListing(change: (listing: Listing) => void): void {
  const listing = JSON.parse(readFileSync(listingPath(), 'utf8'));
  change(listing);
  writeFileSync(listingPath(), JSON.stringify(listing, null, 2));
}

test('the listing in the repository passes', () => {
  expect(check(REPO)).toEqual([]);
  expect(check(copy)).toEqual([]);
});

test('the pictures are the sizes Google asks for, read from their PNG headers', () => {
  expect(pngSize(join(REPO, 'listing', 'icon-128.png'))).toEqual([128, 128]);
  expect(pngSize(join(REPO, 'listing', 'icon-32.png'))).toEqual([32, 32]);
  expect(pngSize(join(REPO, 'listing', 'card-banner.png'))).toEqual([220, 140]);
  const listing = JSON.parse(readFileSync(join(REPO, 'listing', 'listing.json'), 'utf8'));
  for (const shot of listing.graphics.screenshots) expect(pngSize(join(REPO, shot))).toEqual([1280, 800]);
});

test("a name that differs from src/brand.ts's PRODUCT_NAME fails, whichever side changed", () => {
  editListing((l) => {
    l.name = 'Leap';
  });
  expect(check(copy)).toEqual([
    'name ("Leap") differs from PRODUCT_NAME in src/brand.ts ("Jumpwise"): give both the same name',
    'postInstallTip must say how to open the sidebar: "Extensions > Leap > Plan my transition"',
  ]);
  editListing((l) => {
    l.name = 'Jumpwise';
  });
  const brandPath = join(copy, 'src', 'brand.ts');
  writeFileSync(
    brandPath,
    readFileSync(brandPath, 'utf8').replace("PRODUCT_NAME = 'Jumpwise'", "PRODUCT_NAME = 'Jumpwise Plan'"),
  );
  expect(check(copy)).toEqual([
    'name ("Jumpwise") differs from PRODUCT_NAME in src/brand.ts ("Jumpwise Plan"): give both the same name',
  ]);
});

test('a description over its limit fails, naming the field and the limit', () => {
  editListing((l) => {
    l.shortDescription = 'x'.repeat(201);
    l.detailedDescription = 'y'.repeat(16001);
  });
  expect(check(copy)).toEqual([
    'shortDescription is 201 characters; the Marketplace allows at most 200',
    'detailedDescription is 16001 characters; the Marketplace allows at most 16000',
  ]);
});

test('a detailed description the same as the short one fails', () => {
  editListing((l) => {
    l.detailedDescription = l.shortDescription;
  });
  expect(check(copy)).toEqual(['detailedDescription must differ from shortDescription']);
});

test('an image of the wrong size fails', () => {
  cpSync(join(copy, 'listing', 'icon-32.png'), join(copy, 'listing', 'icon-128.png'));
  cpSync(join(copy, 'listing', 'card-banner.png'), join(copy, 'listing', 'screenshot-3-books.png'));
  expect(check(copy)).toEqual([
    'graphics.icon128 (listing/icon-128.png) is 32x32; it must be 128x128',
    'graphics.screenshots[2] (listing/screenshot-3-books.png) is 220x140; it must be 1280x800 or 640x400 or 2560x1600',
  ]);
});

test("a scope that differs from the manifest's fails, whichever side changed", () => {
  const manifestPath = join(copy, 'appsscript.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.oauthScopes.push('https://www.googleapis.com/auth/drive');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  expect(check(copy)).toEqual([
    expect.stringMatching(/^scopes \(.*\) differ from appsscript.json's oauthScopes \(.*auth\/drive/),
    'the privacy policy (docs/privacy.html) does not explain https://www.googleapis.com/auth/drive',
  ]);
  manifest.oauthScopes.pop();
  writeFileSync(manifestPath, JSON.stringify(manifest));
  editListing((l) => {
    l.scopes = ['https://www.googleapis.com/auth/spreadsheets'];
  });
  expect(check(copy)).toEqual([expect.stringMatching(/^scopes \(https:\/\/www.googleapis.com\/auth\/spreadsheets\) differ/)]);
});

test('an address with no page in docs/, or off the site, fails', () => {
  editListing((l) => {
    l.urls.termsOfService = 'https://jumpwise.app/tos.html';
    l.urls.support = 'https://example.com/support';
    l.urls.reportIssue = 'https://jumpwise.app/support.html#bugs';
  });
  expect(check(copy)).toEqual([
    'urls.support (https://example.com/support) is not on the site https://jumpwise.app/',
    'urls.termsOfService (https://jumpwise.app/tos.html) has no page: docs/tos.html is missing',
    'urls.reportIssue (https://jumpwise.app/support.html#bugs): docs/support.html has no element with id="bugs"',
  ]);
});

test("a link or picture of the site's own that leads nowhere fails", () => {
  const page = join(copy, 'docs', 'support.html');
  writeFileSync(page, readFileSync(page, 'utf8').replace('href="help.html"', 'href="faq.html"'));
  rmSync(join(copy, 'docs', 'plan.png'));
  expect(check(copy)).toEqual([
    'docs/index.html links plan.png, which is not in docs/',
    'docs/support.html links faq.html, which is not in docs/',
  ]);
});

test('the help page must be linked from the add-on, opening a new window', () => {
  const helpPath = join(copy, 'sidebar', 'Help.html');
  const help = readFileSync(helpPath, 'utf8');
  writeFileSync(helpPath, help.replace(' target="_blank"', ''));
  expect(check(copy)).toEqual([
    'sidebar/Help.html\'s link to https://jumpwise.app/help.html must open a new window: target="_blank" rel="noopener"',
  ]);
  writeFileSync(helpPath, help.replace('https://jumpwise.app/help.html', 'https://jumpwise.app/'));
  expect(check(copy)).toEqual(['sidebar/Help.html does not link the help page https://jumpwise.app/help.html']);
});

test('a post-install tip must start with a verb and say how to open the sidebar', () => {
  editListing((l) => {
    l.postInstallTip = 'The sidebar is in the Extensions menu.';
  });
  expect(check(copy)).toEqual([
    'postInstallTip must start with a verb (Open, Choose, Click, Select, Go, Start, Pick)',
    'postInstallTip must say how to open the sidebar: "Extensions > Jumpwise > Plan my transition"',
  ]);
});

test("the build lets a page link out (the Help dialog's help pages) but not load from the network", () => {
  expect(networkLoads('<a href="https://jumpwise.app/help.html" target="_blank" rel="noopener">help</a>')).toEqual([]);
  expect(
    networkLoads('<script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="//cdn.example/a.css">'),
  ).toEqual(['src="https://cdn.example/x.js', 'href="//cdn.example/a.css']);
  // Outside a tag too: an inlined script setting a source, a stylesheet's url().
  expect(networkLoads('<script>img.src = "https://t.example/p.gif";</script>')).toEqual(['src = "https://t.example/p.gif']);
  expect(networkLoads('<style>body { background: url("//cdn.example/b.png") }</style>')).toEqual(['url("//cdn.example/b.png']);
  // A link's own address is no load, even beside one that is.
  expect(networkLoads('<a href="https://jumpwise.app/">x</a><img src="https://t.example/p.gif">')).toEqual([
    'src="https://t.example/p.gif',
  ]);
});
