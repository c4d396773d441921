import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild } from './server.ts';

/**
 * A do-nothing Node HTTP server that answers every request with a canned STS GetCallerIdentity response: the floor
 * any Node server pays per request on this machine, measured with the same client as the real workloads.
 */
const SOURCE = `
const http = require('node:http');
const body = '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
  '<Arn>arn:aws:iam::000000000000:root</Arn><UserId>000000000000</UserId><Account>000000000000</Account>' +
  '</GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>';
const server = http.createServer({ keepAliveTimeout: 65000 }, (req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': 'r' }).end(body));
});
server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
`;

export async function startBaselineServer(): Promise<{ process: ChildProcess; pid: number; endpoint: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['-e', SOURCE], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
  });
  return { process: child, pid: child.pid!, endpoint: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}
