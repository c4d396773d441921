import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// A service botocore models and twinstack does not serve.
const NAME = 'sesv2';

describe('npm run new:service (in a temporary copy of the repository)', function () {
  this.timeout(5 * 60_000);
  let copy: string;
  before(async () => {
    copy = await mkdtemp(join(tmpdir(), 'twinstack-scaffold-'));
    for (const part of ['emulator', 'test/support', 'tsconfig.json', 'package.json', '.mocharc.json']) {
      await cp(join(ROOT, part), join(copy, part), { recursive: true, filter: (src) => !src.includes(`${join('emulator', 'cli', 'dist')}`) });
    }
    await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  });
  after(() => rm(copy, { recursive: true, force: true }));

  it('scaffolds a service that typechecks, is routed, and answers 501 until its operations are written', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'new:service', NAME], { cwd: copy });
    assert.match(stdout, new RegExp(`wrote emulator/services/${NAME}/index.ts`));
    const loaders = await readFile(join(copy, 'emulator/services/index.ts'), 'utf8');
    assert.match(loaders, new RegExp(`^  ${NAME}: async \\(\\) => \\(await import\\('./${NAME}/index.ts'\\)\\)`, 'm'));
    const routing = JSON.parse(await readFile(join(copy, 'emulator/models/routing-index.json'), 'utf8')) as Record<string, unknown>;
    assert.ok(Object.hasOwn(routing, NAME));

    // Typecheck what was generated (and everything it imports) with the project's compiler options.
    await writeFile(
      join(copy, 'tsconfig.scaffold.json'),
      JSON.stringify({ extends: './tsconfig.json', include: [`emulator/services/${NAME}`, `test/${NAME}`, 'emulator/services/index.ts'] }),
    );
    await run(join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.scaffold.json'], { cwd: copy });

    // The generated test passes as generated: boto3 reaches the new service through the gateway and gets the 501.
    const test = await run(join(ROOT, 'node_modules/.bin/mocha'), [`test/${NAME}/${NAME}.test.ts`], { cwd: copy });
    assert.match(test.stdout, /1 passing/);

    // A second run refuses instead of overwriting.
    await assert.rejects(run('npm', ['run', '--silent', 'new:service', NAME], { cwd: copy }), /already a service/);
  });
});
