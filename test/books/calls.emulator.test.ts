/** One import makes the same number of service calls for 10 and 5,000 rows: the rows go in one batched write. */
import { IMPORT_CALL_BUDGET, measureImportCalls } from '../../scripts/bench/books';

test('an import makes the same number of service calls for 10 and 5,000 rows, within the budget', () => {
  const calls = measureImportCalls();
  expect(calls.document['5000']).toBe(calls.document['10']);
  expect(calls.all['5000']).toBe(calls.all['10']);
  expect(calls.document['10']).toBeLessThanOrEqual(IMPORT_CALL_BUDGET);
  console.log(`import service calls: ${JSON.stringify(calls)}`);
}, 300_000);
