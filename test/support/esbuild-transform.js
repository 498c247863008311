/** Jest transform: TypeScript to CommonJS with esbuild (fast, and works with TypeScript 7). */
const crypto = require('node:crypto');
const esbuild = require('esbuild');
const { version } = require('esbuild/package.json');

module.exports = {
  process(source, filename) {
    const result = esbuild.transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return crypto.createHash('sha1').update(version).update(filename).update(source).digest('hex');
  },
};
