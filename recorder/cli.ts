import { IMPORT_USAGE, recordImport } from './import/command.ts';
import { PROXY_USAGE, recordProxy } from './proxy/command.ts';

const USAGE = `twinstack record — capture AWS traffic as redacted contracts

${PROXY_USAGE}

${IMPORT_USAGE}

In Node test suites: mocha --require recorder/inprocess/mocha-hook.ts (see recorder/README.md).`;

/** `twinstack record <proxy|import> ...`. */
export async function record(args: string[]): Promise<number> {
  const [mode, ...rest] = args;
  const run = mode === 'proxy' ? recordProxy : mode === 'import' ? recordImport : undefined;
  if (run) {
    try {
      return await run(rest);
    } catch (error) {
      console.error(`twinstack record ${mode}: ${(error as Error).message}`);
      return 1;
    }
  }
  console.log(USAGE);
  return mode === undefined || mode === '--help' || mode === '-h' ? 0 : 2;
}
