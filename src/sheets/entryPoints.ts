/** Menu callbacks, triggers and google.script.run targets: the Apps Script side's public surface. */
import { onOpen } from './menu';

export interface EntryPoint {
  /** Parameter names of the top-level stub. */
  params: string[];
  /** The JSDoc line above the stub. */
  doc: string;
  run: (...args: never[]) => unknown;
}

export const entryPoints: Record<string, EntryPoint> = {
  onOpen: { params: ['e'], doc: 'Builds the Extensions > Leap menu. Needs no authorization.', run: onOpen },
  onInstall: { params: ['e'], doc: 'Runs onOpen when the add-on is installed.', run: onOpen },
};
