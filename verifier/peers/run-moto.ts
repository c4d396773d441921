/**
 * `npm run parity:peers`: replays the corpus against an embedded twinstack and against moto (this machine's
 * `python3 -m moto.server`), and writes the side-by-side scorecard and moto's upstream issue drafts to reports/peers/.
 * Add other emulators with `twinstack verify --target twinstack --target NAME=URL ... --report DIR`.
 */
import { join, resolve } from 'node:path';
import { VERSION } from '../../emulator/index.ts';
import { verifyCommand } from '../cli.ts';
import { startMoto } from './moto.ts';

const REPORT = resolve(import.meta.dirname, '..', '..', 'reports', 'peers');

const moto = await startMoto();
try {
  process.env.TWINSTACK_PEER_VERSION_TWINSTACK = VERSION;
  process.env.TWINSTACK_PEER_VERSION_MOTO = moto.version;
  process.exitCode = await verifyCommand([
    '--target', 'twinstack', '--target', `moto=${moto.endpoint}`, '--report', REPORT, '--issue-drafts', join(REPORT, 'upstream'),
  ]);
} finally {
  moto.stop();
}
