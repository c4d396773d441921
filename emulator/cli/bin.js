#!/usr/bin/env node
// The CLI entry point: runs the bundle that `npm install` builds (fast start), or the TypeScript sources through tsx
// when there is no bundle or a source file changed since it was built.
import { readFileSync, statSync } from 'node:fs';

const bundle = new URL('./dist/main.mjs', import.meta.url);

function bundleIsFresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('./dist/inputs.json', import.meta.url), 'utf8'));
    return inputs.every((file) => statSync(file).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./main.ts');
}
