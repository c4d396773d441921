import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pythonCommand } from '../core/platform.ts';

/** LocalStack's init stages, in the order they run. */
export const STAGES = ['BOOT', 'START', 'READY', 'SHUTDOWN'] as const;
export type Stage = (typeof STAGES)[number];

type ScriptState = 'UNKNOWN' | 'RUNNING' | 'SUCCESSFUL' | 'ERROR';

interface Script {
  stage: Stage;
  name: string;
  path: string;
  state: ScriptState;
}

/** LocalStack's default init directory. */
export const LOCALSTACK_INIT_DIR = '/etc/localstack/init';

/**
 * LocalStack's init hooks: scripts in `<dir>/{boot,start,ready,shutdown}.d` run at those moments, in name order
 * (`.sh` with sh, `.py` with python3 (`python` on Windows), other executables directly, anything else skipped), each with the emulator's
 * endpoint in AWS_ENDPOINT_URL and test credentials. A failing script is reported as ERROR and does not stop the
 * emulator, as in LocalStack. `GET /_localstack/init` reports their state.
 */
export class InitHooks {
  private readonly scripts: Script[] = [];
  private readonly completed = new Map<Stage, boolean>(STAGES.map((s) => [s, false]));

  constructor(dirs: string[]) {
    for (const dir of dirs) {
      for (const stage of STAGES) {
        const stageDir = join(dir, `${stage.toLowerCase()}.d`);
        for (const name of listFiles(stageDir)) {
          const path = join(stageDir, name);
          if (runnerFor(path)) this.scripts.push({ stage, name, path, state: 'UNKNOWN' });
        }
      }
    }
  }

  /** Runs one stage's scripts one after another; resolves when all have ended. */
  async run(stage: Stage, env: Record<string, string>): Promise<void> {
    for (const script of this.scripts.filter((s) => s.stage === stage)) {
      script.state = 'RUNNING';
      const ok = await runScript(script.path, env);
      script.state = ok ? 'SUCCESSFUL' : 'ERROR';
      if (!ok) console.error(`[twinstack] init script ${script.path} failed`);
    }
    this.completed.set(stage, true);
  }

  /** LocalStack's `/_localstack/init` answer. */
  status() {
    return {
      completed: Object.fromEntries(this.completed),
      scripts: this.scripts.map(({ stage, name, state }) => ({ stage, name, state })),
    };
  }

  /** LocalStack's `/_localstack/init/<stage>` answer. */
  stageStatus(stage: string) {
    const upper = stage.toUpperCase() as Stage;
    if (!STAGES.includes(upper)) return undefined;
    return { completed: this.completed.get(upper), scripts: this.status().scripts.filter((s) => s.stage === upper) };
  }
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => statSync(join(dir, name)).isFile())
      .sort();
  } catch {
    return [];
  }
}

function runnerFor(path: string): string[] | undefined {
  if (extname(path) === '.sh') return ['sh', path];
  if (extname(path) === '.py') return [pythonCommand(), path];
  // Windows has no executable bit (X_OK means only that the file exists): programs there are .exe files.
  if (process.platform === 'win32') return ['.exe', '.com'].includes(extname(path).toLowerCase()) ? [path] : undefined;
  try {
    accessSync(path, constants.X_OK);
    return [path];
  } catch {
    return undefined;
  }
}

function runScript(path: string, env: Record<string, string>): Promise<boolean> {
  const [command, ...args] = runnerFor(path)!;
  return new Promise((resolve) => {
    // Node's child_process module loads with the first hook run: most starts have none.
    const child = process.getBuiltinModule('node:child_process').spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}
