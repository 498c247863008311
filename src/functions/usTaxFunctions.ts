/** US tax functions (issue "US tax estimate"): filled in by src/finance/usTax. */
import type { FunctionSpec } from './types';

export const usTaxFunctions: FunctionSpec[] = [];
