import type {
  DeliveryStreamEncryptionConfiguration,
  DeliveryStreamEncryptionConfigurationInput,
  StartDeliveryStreamEncryptionInput,
  StopDeliveryStreamEncryptionInput,
} from '@aws-sdk/client-firehose';
import type { RequestContext } from '../../../core/service.ts';
import { invalidArgument } from '../errors.ts';
import type { FirehoseState } from '../state.ts';

type Ctx = RequestContext<FirehoseState>;

/** Server-side encryption as requested: a customer managed key needs its ARN, an AWS owned key takes none. */
export function encryptionFrom(input: DeliveryStreamEncryptionConfigurationInput): DeliveryStreamEncryptionConfiguration {
  if (input.KeyType === 'CUSTOMER_MANAGED_CMK' && !input.KeyARN) throw invalidArgument('KeyARN is required when KeyType is CUSTOMER_MANAGED_CMK.');
  if (input.KeyType === 'AWS_OWNED_CMK' && input.KeyARN) throw invalidArgument('KeyARN must not be specified when KeyType is AWS_OWNED_CMK.');
  return { KeyARN: input.KeyARN, KeyType: input.KeyType, Status: 'ENABLED' };
}

function directPutStream(name: string, ctx: Ctx) {
  const stream = ctx.state.stream(name);
  if (stream.type !== 'DirectPut') {
    throw invalidArgument(`Server-side encryption is not supported for delivery streams of type ${stream.type}.`);
  }
  return stream;
}

export function startDeliveryStreamEncryption(input: StartDeliveryStreamEncryptionInput, ctx: Ctx) {
  const stream = directPutStream(input.DeliveryStreamName!, ctx);
  stream.encryption = encryptionFrom(input.DeliveryStreamEncryptionConfigurationInput ?? { KeyType: 'AWS_OWNED_CMK' });
  return {};
}

export function stopDeliveryStreamEncryption(input: StopDeliveryStreamEncryptionInput, ctx: Ctx) {
  const stream = directPutStream(input.DeliveryStreamName!, ctx);
  stream.encryption = { Status: 'DISABLED' };
  return {};
}
