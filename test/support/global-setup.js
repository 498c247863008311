/** Every test suite runs against the freshly built dist/, exactly what clasp pushes. */
module.exports = async () => {
  const { build } = await import('../../scripts/build.mjs');
  await build();
};
