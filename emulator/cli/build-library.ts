/**
 * The library that `import { startTwinstack } from 'twinstack'` loads in plain Node, without a TypeScript loader:
 * dist/index.mjs (ESM), dist/index.cjs (CommonJS) and type declarations under dist/types/, wired by package.json's
 * `exports`. Unlike the CLI bundle it is relocatable: files a module finds next to its source (the AWS models) are
 * found relative to the bundle, in the installed package.
 */
import { execFileSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** Each module's `import.meta.url` becomes its source's URL in the installed package, computed from the bundle's. */
function sourceUrls(root: string): Plugin {
  return {
    name: 'source-urls',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const fromRoot = relative(root, args.path).split('\\').join('/');
        return { contents: source.replaceAll('import.meta.url', `__twinstackSourceUrl(${JSON.stringify(fromRoot)})`), loader: 'ts' };
      });
    },
  };
}

const BANNER = {
  esm: `const __twinstackSourceUrl = (path) => new URL('../' + path, import.meta.url).href;`,
  cjs: `const __twinstackSourceUrl = (path) => new URL('../' + path, require('node:url').pathToFileURL(__filename)).href;`,
};

export async function buildLibrary(root: string): Promise<void> {
  const out = join(root, 'dist');
  await rm(out, { recursive: true, force: true });
  for (const format of ['esm', 'cjs'] as const) {
    await build({
      entryPoints: [join(root, 'emulator/index.ts')],
      outfile: join(out, format === 'esm' ? 'index.mjs' : 'index.cjs'),
      bundle: true,
      platform: 'node',
      format,
      target: 'node20',
      packages: 'external',
      banner: { js: BANNER[format] },
      logLevel: 'warning',
      plugins: [sourceUrls(root)],
    });
  }
  // Declarations come from tsc; a type error there must not stop `npm install` (test/package checks the types).
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(root, 'emulator/cli/tsconfig.types.json')], { stdio: 'inherit' });
  } catch {
    console.warn('twinstack: the type declarations were not built (see the errors above); the JavaScript was');
  }
  await writeFile(join(out, 'index.d.ts'), `export * from './types/emulator/index.js';\n`);
}
