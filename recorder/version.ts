import { VERSION } from '../emulator/index.ts';

/** Written into every contract's provenance: which recorder, at which version, produced the file. */
export const RECORDER = `twinstack-recorder@${VERSION}`;
