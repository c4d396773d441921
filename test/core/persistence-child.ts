// A twinstack with WAL persistence in its own process, for the crash test: prints its endpoint, then serves until killed.
import { startTwinstack } from '../../emulator/index.ts';

const aws = await startTwinstack({ port: 0, services: ['sqs', 'dynamodb', 's3', 'secretsmanager'], persist: { dir: process.argv[2], mode: 'wal', fsync: 'always' } });
console.log(JSON.stringify({ endpoint: aws.endpoint }));
