// A twinstack with WAL persistence in its own process, for the crash tests: prints its endpoint, then serves until
// killed. Arguments: the directory, and optionally the services (comma-separated).
import { startTwinstack } from '../../emulator/index.ts';

const services = process.argv[3]?.split(',') ?? ['sqs', 'dynamodb', 's3', 'secretsmanager'];
const aws = await startTwinstack({ port: 0, services, persist: { dir: process.argv[2], mode: 'wal', fsync: 'always' } });
console.log(JSON.stringify({ endpoint: aws.endpoint }));
