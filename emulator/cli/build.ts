/**
 * Bundles the CLI into emulator/cli/dist/ (run by `npm install` through `prepare`): starting from one
 * bundle takes ~0.2 s instead of ~0.6 s of on-the-fly TypeScript compilation. The bundle lives in the checkout
 * and is not relocatable: each module keeps its own `import.meta.url`, so files found relative to a source file
 * (models, contracts) resolve as they do from source. bin.js falls back to the sources when any input is newer.
 */
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { buildLibrary } from './build-library.ts';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');

const keepModuleUrls: Plugin = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)));
      return { contents, loader: 'ts' };
    });
  },
};

const result = await build({
  entryPoints: [join(here, 'main.ts')],
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Commands and services load on demand: each dynamic import becomes a chunk, so `start` does not load the recorder.
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  metafile: true,
  logLevel: 'warning',
  plugins: [keepModuleUrls],
});
const inputs = Object.keys(result.metafile.inputs).map((file) => resolve(file));
writeFileSync(join(out, 'inputs.json'), JSON.stringify(inputs));
console.log(`twinstack: bundled ${inputs.length} modules into ${out}`);
const root = resolve(here, '..', '..');
await buildLibrary(root);
console.log(`twinstack: built the library into ${join(root, 'dist')} (ESM, CommonJS, type declarations)`);
