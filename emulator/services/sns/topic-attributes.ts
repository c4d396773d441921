import { invalidParameter } from './errors.ts';
import { SETTABLE_TOPIC_ATTRIBUTES } from './topic.ts';

const JSON_ATTRIBUTES = new Set(['Policy', 'DeliveryPolicy', 'ArchivePolicy', 'DataProtectionPolicy', 'TracingConfig']);

/**
 * Checks one topic attribute before anything is stored. AWS's messages for these cases are not in the recorded data;
 * they follow SNS's "Invalid parameter: Attributes Reason: ..." form.
 */
export function checkTopicAttribute(name: string, value: string, fifo: boolean): void {
  if (!SETTABLE_TOPIC_ATTRIBUTES.has(name)) throw invalidParameter(`Attributes Reason: Invalid attribute name: ${name}`);
  if (value === '') return;
  if (name === 'TracingConfig' && value !== 'Active' && value !== 'PassThrough') {
    throw invalidParameter(`Attributes Reason: TracingConfig: Invalid value [${value}]. Must be PassThrough or Active.`);
  }
  if (JSON_ATTRIBUTES.has(name) && name !== 'TracingConfig') {
    try {
      if (typeof JSON.parse(value) !== 'object') throw new Error('not an object');
    } catch {
      throw invalidParameter(`Attributes Reason: ${name}: failed to parse JSON.`);
    }
  }
  if (name === 'SignatureVersion' && value !== '1' && value !== '2') {
    throw invalidParameter(`Attributes Reason: SignatureVersion: Invalid value [${value}]. Must be 1 or 2.`);
  }
  if ((name === 'ContentBasedDeduplication' || name === 'FifoThroughputScope') && !fifo) {
    throw invalidParameter(`Attributes Reason: ${name} is only valid for FIFO topics`);
  }
  if (name === 'ContentBasedDeduplication' && value !== 'true' && value !== 'false') {
    throw invalidParameter(`Attributes Reason: ContentBasedDeduplication: Invalid value [${value}]. Must be true or false.`);
  }
}
