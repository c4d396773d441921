/**
 * `npm run build:standalone`: twinstack for machines without npm. emulator/cli/standalone/ holds one JavaScript file with
 * every dependency bundled (`node twinstack.mjs start` needs no node_modules), and next to it the data files the
 * emulator reads at run time, in the layout the sources have: the AWS models, the Lambda runtime bootstraps, IAM's catalog of AWS managed policies and the
 * web console's page.
 * The folder is relocatable; copy or unpack it anywhere and run it with Node.js >= 20.19.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const STANDALONE_DIR = join(ROOT, 'emulator', 'cli', 'standalone');
/** What the emulator reads next to its sources at run time, copied under the same relative paths. */
const DATA = ['emulator/models', 'emulator/services/lambda/bootstrap', 'emulator/services/iam/data', 'emulator/console/static'];

/** Each module's `import.meta.url` becomes its source's place in the standalone folder, computed from the bundle's. */
const sourceUrls: Plugin = {
  name: 'standalone-source-urls',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const fromRoot = relative(ROOT, args.path).split('\\').join('/');
      if (fromRoot.startsWith('..') || fromRoot.startsWith('node_modules/')) return undefined;
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(`./${fromRoot}`)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

// Bundled CommonJS dependencies call require(); an ES module has none of its own.
const BANNER = `import { createRequire as __twinstackCreateRequire } from 'node:module'; const require = __twinstackCreateRequire(import.meta.url);`;

export async function buildStandalone(): Promise<string> {
  await rm(STANDALONE_DIR, { recursive: true, force: true });
  await mkdir(STANDALONE_DIR, { recursive: true });
  const outfile = join(STANDALONE_DIR, 'twinstack.mjs');
  await build({
    entryPoints: [join(ROOT, 'emulator/cli/main.ts')],
    outfile,
    bundle: true,
    // One file: commands and services are still loaded on first use, from the same bundle.
    splitting: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minifyWhitespace: true,
    banner: { js: `#!/usr/bin/env node\n${BANNER}` },
    logLevel: 'warning',
    plugins: [sourceUrls],
  });
  for (const dir of DATA) await cp(join(ROOT, dir), join(STANDALONE_DIR, dir), { recursive: true, filter: (src) => !src.endsWith('.ts') });
  await writeFile(
    join(STANDALONE_DIR, 'README.txt'),
    'twinstack, standalone: run `node twinstack.mjs start` (Node.js >= 20.19; no npm, no node_modules). `node twinstack.mjs --help` lists the commands.\n',
  );
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outfile = await buildStandalone();
  console.log(`twinstack: standalone build in ${relative(process.cwd(), dirname(outfile)) || '.'} (run: node ${relative(process.cwd(), outfile)} start)`);
}
