import { startTwinstack } from '../../emulator/index.ts';
const aws = await startTwinstack({ port: 0, services: ['kinesis', 'dynamodb', 'dynamodbstreams'] });
console.log(aws.endpoint);
setTimeout(() => aws.stop(), 60000);
