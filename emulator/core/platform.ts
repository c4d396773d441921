/**
 * What differs between the systems twinstack runs on (Linux, macOS, Windows) when it starts other programs.
 */

/**
 * The command that runs Python: `TWINSTACK_PYTHON` when set, else `python3`, or on Windows `python` (Windows
 * installers and CI's setup-python put no `python3` on PATH; one found there may be the app store's stub).
 */
export function pythonCommand(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return env.TWINSTACK_PYTHON || (platform === 'win32' ? 'python' : 'python3');
}

/** Beyond PATH, what a Windows process needs to start well: Python cannot seed its random numbers without SYSTEMROOT. */
const WINDOWS_VARIABLES = ['SYSTEMROOT', 'WINDIR', 'TEMP', 'TMP', 'PATHEXT', 'COMSPEC'];

/**
 * The variables of this process that a program started in a clean environment (a Lambda runtime) still needs from
 * the system: PATH everywhere, and on Windows the system folders and temp folders.
 */
export function systemEnvironment(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Record<string, string> {
  const system: Record<string, string> = { PATH: env.PATH ?? (platform === 'win32' ? '' : '/usr/local/bin:/usr/bin:/bin') };
  // process.env finds Windows variables whatever their case (SystemRoot); a plain object passed in must use these.
  if (platform === 'win32') for (const name of WINDOWS_VARIABLES) if (env[name] !== undefined) system[name] = env[name]!;
  return system;
}
