/**
 * The product's name for the scripts (the build's pages, the listing check), read from src/brand.ts, its one source:
 * the module is compiled by esbuild and run, so whatever form the constant takes, the scripts see what the add-on does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

/** PRODUCT_NAME as src/brand.ts, in the checkout at `root`, exports it. */
export function readProductName(root) {
  const file = join(root, 'src', 'brand.ts');
  const { code } = esbuild.transformSync(readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', sourcefile: file });
  const module = { exports: {} };
  new Function('module', 'exports', code)(module, module.exports);
  const name = module.exports.PRODUCT_NAME;
  if (typeof name !== 'string' || !name.trim())
    throw new Error('src/brand.ts must export PRODUCT_NAME, the product name as text');
  return name;
}
