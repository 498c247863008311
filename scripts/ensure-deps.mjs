#!/usr/bin/env node
/**
 * Installs dependencies when they are missing or stale, so `npm start` and `npm test` work on a fresh
 * clone with no other command first. "Stale" means package-lock.json asks for a package or version that
 * node_modules does not hold (npm records what it installed in node_modules/.package-lock.json).
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function staleReason() {
  const lockPath = join(root, 'package-lock.json');
  const installedPath = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installedPath)) return 'node_modules is missing';
  if (!existsSync(lockPath)) return 'package-lock.json is missing';
  const wanted = JSON.parse(readFileSync(lockPath, 'utf8')).packages ?? {};
  const installed = JSON.parse(readFileSync(installedPath, 'utf8')).packages ?? {};
  for (const [path, entry] of Object.entries(wanted)) {
    // "" is the project itself; optional packages (other platforms' esbuild binaries) may be absent.
    if (path === '' || entry.optional) continue;
    if (installed[path]?.version !== entry.version)
      return `${path.replace(/^node_modules\//, '')} ${entry.version} is not installed`;
  }
  return undefined;
}

const reason = staleReason();
if (reason) {
  console.error(`Installing dependencies (${reason})...`);
  const lock = existsSync(join(root, 'package-lock.json'));
  execSync(lock ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
