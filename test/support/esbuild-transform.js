/**
 * Jest transform: TypeScript, and the ESM build scripts (scripts/*.mjs), to CommonJS with esbuild
 * (fast, and works with TypeScript 7). import.meta.url is given its CommonJS equivalent.
 */
const crypto = require('node:crypto');
const esbuild = require('esbuild');
const { version } = require('esbuild/package.json');

module.exports = {
  process(source, filename) {
    const esm = filename.endsWith('.mjs');
    const result = esbuild.transformSync(source, {
      loader: esm ? 'js' : 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
      ...(esm && {
        define: { 'import.meta.url': '__importMetaUrl' },
        banner: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;",
      }),
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return crypto.createHash('sha1').update(version).update('2').update(filename).update(source).digest('hex');
  },
};
