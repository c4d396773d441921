import { spawn } from 'node:child_process';
import { pythonCommand } from '../core/platform.ts';

/**
 * `twinstack aws …`: the installed AWS CLI against the running twinstack, as LocalStack's `awslocal` does. The endpoint
 * is `--endpoint-url` when given, else AWS_ENDPOINT_URL, else `http://localhost:<TWINSTACK_PORT or 4566>`; test
 * credentials and region are filled in only where the environment has none.
 */
export function awsCommand(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const endpoint = env.AWS_ENDPOINT_URL ?? `http://${env.TWINSTACK_HOST && env.TWINSTACK_HOST !== '0.0.0.0' ? env.TWINSTACK_HOST : 'localhost'}:${env.TWINSTACK_PORT ?? '4566'}`;
  const hasEndpoint = args.some((a) => a === '--endpoint-url' || a.startsWith('--endpoint-url='));
  const childEnv = {
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: env.AWS_REGION ?? 'us-east-1',
    ...env,
    ...(env.AWS_PAGER === undefined ? { AWS_PAGER: '' } : {}),
  };
  // AWS_CLI picks another executable (e.g. `python3 -m awscli` is given as "python3 -m awscli"). On Windows the CLI v2
  // is aws.exe, found on PATH; v1's pip shim aws.cmd is not run (Node starts .cmd files only through a shell, which
  // would re-read the arguments): there, AWS_CLI="python -m awscli" runs v1.
  const [command, ...prefix] = (env.AWS_CLI ?? 'aws').split(' ').filter(Boolean);
  const child = spawn(command, [...prefix, ...(hasEndpoint ? [] : ['--endpoint-url', endpoint]), ...args], { stdio: 'inherit', env: childEnv });
  return new Promise((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      console.error(
        error.code === 'ENOENT'
          ? `twinstack: the AWS CLI ('${command}') is not on PATH; install it, or name another with AWS_CLI (e.g. AWS_CLI="${pythonCommand()} -m awscli")`
          : `twinstack: could not run the AWS CLI: ${error.message}`,
      );
      resolve(127);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
