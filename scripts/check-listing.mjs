#!/usr/bin/env node
/**
 * `npm run check:listing` (part of `npm test`): the Marketplace listing (listing/listing.json) against Google's limits
 * and against the repository it describes. Limits from developers.google.com/workspace/marketplace/create-listing
 * (name at most 50 characters, short description at most 200, detailed at most 16,000; icons 128x128 and 32x32, card
 * banner 220x140, 1 to 5 screenshots at 1280x800, 640x400 or 2560x1600) and .../enable-configure-sdk (the scopes in
 * the Marketplace SDK must be the manifest's). The name must be src/brand.ts's PRODUCT_NAME. Every address must be a page of the website in docs/, and the help
 * page must be linked from the add-on's Help dialog (sidebar/Help.html), opening in a new window.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProductName } from './brand.mjs';

export const LIMITS = { name: 50, shortDescription: 200, detailedDescription: 16000 };
/** [width, height] each picture must have. */
export const SIZES = { icon128: [[128, 128]], icon32: [[32, 32]], cardBanner: [[220, 140]] };
export const SCREENSHOT_SIZES = [
  [1280, 800],
  [640, 400],
  [2560, 1600],
];
/** The addresses the listing must give (report-an-issue is optional). */
const REQUIRED_URLS = ['homepage', 'support', 'privacyPolicy', 'termsOfService', 'help'];
/** A post-install tip starts with what to do. */
const TIP_VERBS = ['Open', 'Choose', 'Click', 'Select', 'Go', 'Start', 'Pick'];

/** Width and height from a PNG's IHDR chunk (bytes 16-23, big-endian), or a problem. */
export function pngSize(file) {
  const bytes = readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature || bytes.toString('latin1', 12, 16) !== 'IHDR')
    throw new Error('is not a PNG file');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** The docs/ file an address of the site names, and its #fragment; undefined when the address is not on the site. */
export function pageOf(site, address) {
  if (!address.startsWith(site)) return undefined;
  const [path, fragment] = address.slice(site.length).split('#');
  return { file: path === '' || path.endsWith('/') ? `${path}index.html` : path, fragment };
}

const attr = (tag, name) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1];

/** Every problem with the listing in the repository at `root`, in words that say what to fix. */
export function checkListing(root) {
  const problems = [];
  const read = (path) => readFileSync(join(root, path), 'utf8');
  let listing;
  try {
    listing = JSON.parse(read('listing/listing.json'));
  } catch (e) {
    return [`listing/listing.json cannot be read: ${e.message}`];
  }
  const text = (field) => (typeof listing[field] === 'string' ? listing[field] : '');

  for (const [field, max] of Object.entries(LIMITS)) {
    const value = text(field);
    if (!value.trim()) problems.push(`${field} is missing`);
    else if (value.length > max) problems.push(`${field} is ${value.length} characters; the Marketplace allows at most ${max}`);
  }
  if (/google/i.test(text('name'))) problems.push('name must not contain "Google" (Marketplace branding rules)');
  // The listing names the add-on the person finds in Extensions (its menu title is the listing's name): the same name.
  let productName;
  try {
    productName = readProductName(root);
  } catch (e) {
    problems.push(`src/brand.ts cannot be read: ${e.message}`);
  }
  if (productName !== undefined && text('name') !== productName)
    problems.push(
      `name ("${text('name')}") differs from PRODUCT_NAME in src/brand.ts ("${productName}"): give both the same name`,
    );
  if (text('detailedDescription').trim() === text('shortDescription').trim())
    problems.push('detailedDescription must differ from shortDescription');
  for (const field of ['category', 'pricing']) if (!text(field).trim()) problems.push(`${field} is missing`);

  const tip = text('postInstallTip');
  const sidebarPath = `Extensions > ${text('name')} > Plan my transition`;
  if (!TIP_VERBS.includes(tip.split(/\s/)[0])) problems.push(`postInstallTip must start with a verb (${TIP_VERBS.join(', ')})`);
  if (!tip.includes(sidebarPath)) problems.push(`postInstallTip must say how to open the sidebar: "${sidebarPath}"`);

  const developer = listing.developer ?? {};
  if (!developer.name) problems.push('developer.name is missing');
  if (!/^https:\/\//.test(developer.website ?? '')) problems.push('developer.website must be an https address');
  if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(developer.email ?? '')) problems.push('developer.email is not an email address');

  // ---- Addresses: pages of the website in docs/.
  const site = typeof listing.site === 'string' ? listing.site : '';
  if (!/^https:\/\/.+\/$/.test(site)) problems.push('site must be the website\'s https address ending in "/"');
  const urls = listing.urls ?? {};
  for (const key of REQUIRED_URLS) if (!urls[key]) problems.push(`urls.${key} is missing`);
  const pages = {};
  for (const [key, address] of Object.entries(urls)) {
    const page = site && pageOf(site, address);
    if (!page) {
      problems.push(`urls.${key} (${address}) is not on the site ${site}`);
      continue;
    }
    if (!existsSync(join(root, 'docs', page.file))) {
      problems.push(`urls.${key} (${address}) has no page: docs/${page.file} is missing`);
      continue;
    }
    pages[key] = page.file;
    if (page.fragment && !read(join('docs', page.file)).includes(`id="${page.fragment}"`))
      problems.push(`urls.${key} (${address}): docs/${page.file} has no element with id="${page.fragment}"`);
  }
  // A privacy link that lands on another page is a common rejection (about-app-review).
  if (pages.privacyPolicy && [pages.support, pages.termsOfService, pages.homepage].includes(pages.privacyPolicy))
    problems.push('urls.privacyPolicy must be its own page');
  if (pages.homepage && pages.privacyPolicy && !read(join('docs', pages.homepage)).includes(`href="${pages.privacyPolicy}"`))
    problems.push(`the homepage (docs/${pages.homepage}) must link the privacy policy (href="${pages.privacyPolicy}")`);

  // ---- The site's own links and pictures lead somewhere (a broken link is a common rejection).
  for (const file of readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    for (const [, target] of read(join('docs', file)).matchAll(/\b(?:href|src)\s*=\s*"([^"]*)"/gi)) {
      if (/^(https?:|mailto:|#)/i.test(target)) continue;
      const path = target.split('#')[0];
      if (!existsSync(join(root, 'docs', path))) problems.push(`docs/${file} links ${target}, which is not in docs/`);
    }
  }

  // ---- Scopes: the manifest's, and each explained by the privacy policy.
  const manifestScopes = JSON.parse(read('appsscript.json')).oauthScopes ?? [];
  const listed = Array.isArray(listing.scopes) ? listing.scopes : [];
  const sorted = (xs) => [...xs].sort().join(', ');
  if (sorted(listed) !== sorted(manifestScopes))
    problems.push(`scopes (${sorted(listed)}) differ from appsscript.json's oauthScopes (${sorted(manifestScopes)})`);
  if (pages.privacyPolicy) {
    const privacy = read(join('docs', pages.privacyPolicy));
    for (const scope of manifestScopes)
      if (!privacy.includes(scope)) problems.push(`the privacy policy (docs/${pages.privacyPolicy}) does not explain ${scope}`);
  }

  // ---- Pictures: PNGs of the sizes Google asks for.
  const graphics = listing.graphics ?? {};
  const checkPicture = (label, path, sizes) => {
    if (typeof path !== 'string' || !existsSync(join(root, path))) {
      problems.push(`${label}: ${path ?? 'no file given'} is missing`);
      return;
    }
    try {
      const [w, h] = pngSize(join(root, path));
      if (!sizes.some(([sw, sh]) => sw === w && sh === h))
        problems.push(`${label} (${path}) is ${w}x${h}; it must be ${sizes.map((s) => s.join('x')).join(' or ')}`);
    } catch (e) {
      problems.push(`${label} (${path}) ${e.message}`);
    }
  };
  for (const [key, sizes] of Object.entries(SIZES)) checkPicture(`graphics.${key}`, graphics[key], sizes);
  const screenshots = Array.isArray(graphics.screenshots) ? graphics.screenshots : [];
  if (screenshots.length < 1 || screenshots.length > 5)
    problems.push(`graphics.screenshots has ${screenshots.length}; give 1 to 5`);
  for (const [i, path] of screenshots.entries()) checkPicture(`graphics.screenshots[${i}]`, path, SCREENSHOT_SIZES);

  // ---- The add-on's Help links the help page, in a new window (external links open in a new window).
  if (urls.help) {
    const help = read('sidebar/Help.html');
    const tag = [...help.matchAll(/<a\b[^>]*>/gi)].map((m) => m[0]).find((a) => attr(a, 'href') === urls.help);
    if (!tag) problems.push(`sidebar/Help.html does not link the help page ${urls.help}`);
    else if (attr(tag, 'target') !== '_blank' || !/\bnoopener\b/.test(attr(tag, 'rel') ?? ''))
      problems.push(`sidebar/Help.html's link to ${urls.help} must open a new window: target="_blank" rel="noopener"`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const problems = checkListing(root);
  if (problems.length) {
    console.error(`The listing is not ready:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log('listing/listing.json: name, texts, pictures, scopes, addresses and the help link are in order');
}
