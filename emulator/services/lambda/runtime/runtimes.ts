import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AwsError } from '../../../core/errors.ts';
import { pythonCommand } from '../../../core/platform.ts';

/** Runtimes AWS accepts for new functions, in the order AWS lists them in its error message (recorded 2025). */
export const SUPPORTED_RUNTIMES = [
  'nodejs20.x', 'python3.14', 'provided.al2023', 'python3.12', 'python3.13', 'nodejs24.x', 'nodejs22.x', 'java25', 'python3.10',
  'python3.11', 'java21', 'ruby3.3', 'ruby3.4', 'ruby3.2', 'python3.8', 'python3.9', 'java17', 'nodejs16.x', 'dotnet10', 'dotnet8',
  'java11', 'dotnet6', 'nodejs18.x', 'provided.al2', 'java8.al2',
];

/**
 * Runtimes of the model's Runtime enum (botocore 1.43.107) that came after that message was recorded: accepted, and
 * left out of the recorded message's list.
 */
const NEWER_RUNTIMES = ['ruby4.0', 'nodejs26.x', 'python3.15', 'java8.al2023', 'java11.al2023', 'java17.al2023'];

/** Deprecated runtimes AWS refuses for creates and updates. */
const DEPRECATED = new Set([
  'nodejs', 'nodejs4.3', 'nodejs6.10', 'nodejs8.10', 'nodejs10.x', 'nodejs12.x', 'nodejs14.x', 'nodejs4.3-edge', 'python2.7', 'python3.6',
  'python3.7', 'java8', 'dotnetcore1.0', 'dotnetcore2.0', 'dotnetcore2.1', 'dotnetcore3.1', 'go1.x', 'ruby2.5', 'ruby2.7', 'provided',
]);

export function validateRuntime(runtime: string): void {
  // AWS's wording as validated in 2026 (AWS-recorded test_create_deprecated_function_runtime_with_validation_enabled).
  if (DEPRECATED.has(runtime)) {
    throw new AwsError(
      'InvalidParameterValueException',
      `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.`,
    );
  }
  if (!SUPPORTED_RUNTIMES.includes(runtime) && !NEWER_RUNTIMES.includes(runtime)) {
    throw new AwsError(
      'InvalidParameterValueException',
      `Value ${runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [${SUPPORTED_RUNTIMES.join(', ')}] or be a valid ARN`,
    );
  }
}

export type RuntimeFamily = 'nodejs' | 'python' | 'provided' | 'other';

export function runtimeFamily(runtime: string | undefined): RuntimeFamily {
  if (!runtime) return 'other';
  if (runtime.startsWith('nodejs')) return 'nodejs';
  if (runtime.startsWith('python')) return 'python';
  if (runtime.startsWith('provided')) return 'provided';
  return 'other';
}

const noted = new Set<string>();

/** Says the interpreter's note in the emulator's log, once per runtime in this process (the first function named). */
export async function sayNote(runtime: string, functionName: string): Promise<void> {
  if (noted.has(runtime)) return;
  noted.add(runtime);
  const { note } = await interpreterFor(runtime);
  if (note) console.warn(`[twinstack] lambda ${functionName}: ${note}`);
}

/** The interpreter that runs a runtime on this machine, and a note when it is not the version AWS would run. */
export interface Interpreter {
  /** Absolute path of the executable, or undefined when the machine has none. */
  command?: string;
  version?: string;
  /** Said once per runtime in the emulator's log (never in the function's, which holds only what AWS's would). */
  note?: string;
}

type Python = { command?: string; version?: string };
let python: Promise<Python> | undefined;
const execFileAsync = promisify(execFile);

/**
 * The machine's python3 (see pythonCommand), resolved through shims once (children start the real binary). Probed asynchronously: the
 * interpreter's start can take a second on a loaded machine, and the event loop serves everyone meanwhile. Only a
 * definite answer is kept: a probe that failed for another reason than a missing python3 is tried again later.
 */
function findPython(): Promise<Python> {
  python ??= execFileAsync(pythonCommand(), ['-c', 'import sys, platform; print(sys.executable); print(platform.python_version())'], {
    encoding: 'utf8',
    timeout: 60_000,
  }).then(
    ({ stdout }) => {
      const [command, version] = stdout.trim().split(/\r?\n/);
      return { command, version };
    },
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') python = undefined;
      return {};
    },
  );
  return python;
}

/** How this machine runs `runtime` (nodejs*: this Node; python*: the machine's python3; provided*: the zip's bootstrap). */
export async function interpreterFor(runtime: string): Promise<Interpreter> {
  const family = runtimeFamily(runtime);
  if (family === 'nodejs') {
    const wanted = runtime.slice('nodejs'.length).split('.')[0];
    const version = process.versions.node;
    const note = version.split('.')[0] === wanted ? undefined : `twinstack: runtime ${runtime} requested; running with Node.js ${version} (${process.execPath}), the Node.js of this machine`;
    return { command: process.execPath, version, note };
  }
  if (family === 'python') {
    const found = await findPython();
    if (!found.command) return { note: `twinstack: runtime ${runtime} needs python3, which this machine does not have on its PATH` };
    const wanted = runtime.slice('python'.length);
    const minor = found.version?.split('.').slice(0, 2).join('.');
    const note = minor === wanted ? undefined : `twinstack: runtime ${runtime} requested; running with Python ${found.version} (${found.command}), the python3 of this machine`;
    return { command: found.command, version: found.version, note };
  }
  if (family === 'provided') return {};
  return { note: `twinstack: runtime ${runtime} cannot run here (only nodejs*, python* and provided* functions run)` };
}
