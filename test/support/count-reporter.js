/**
 * Prints "N passed, N failed" as the very last line, which CI reads for counts. Jest prints its own
 * summary after reporters finish, so the line is written on process exit.
 */
class CountReporter {
  onRunComplete(_contexts, results) {
    const line = `${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed`;
    process.once('exit', () => process.stdout.write(`${line}\n`));
  }
}
module.exports = CountReporter;
