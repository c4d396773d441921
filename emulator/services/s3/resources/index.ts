import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { bucket } from './bucket.ts';
import { bucketPolicy } from './bucket-policy.ts';

/** The CloudFormation resource types of S3. */
const types: ResourceTypes = {
  'AWS::S3::Bucket': bucket,
  'AWS::S3::BucketPolicy': bucketPolicy,
};

export default types;
