import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import type { ServiceModel } from '../../models/types.ts';
import { createS3controlState, type S3controlState } from './state.ts';
import { createAccessPoint, deleteAccessPoint, getAccessPoint, listAccessPoints } from './operations/access-points.ts';
import {
  createAccessPointForObjectLambda,
  deleteAccessPointForObjectLambda,
  getAccessPointConfigurationForObjectLambda,
  getAccessPointForObjectLambda,
  listAccessPointsForObjectLambda,
  putAccessPointConfigurationForObjectLambda,
} from './operations/object-lambda.ts';
import { accessPointPolicies, objectLambdaPolicies } from './operations/access-point-policies.ts';
import { listTagsForResource, tagResource, untagResource } from './operations/tagging.ts';
import { deletePublicAccessBlock, getPublicAccessBlock, putPublicAccessBlock } from './operations/public-access-block.ts';

/**
 * S3 Control: access points (with their policies), S3 Object Lambda access points, the account's public access
 * block, and tags of buckets and access points, per account and region. S3 serves requests through
 * Object Lambda access points and asks this service for their configuration through the core (`emulator.call`).
 * Other operations answer 501 NotImplemented.
 */
const handlers: Record<string, Handler<S3controlState>> = {
  CreateAccessPoint: createAccessPoint,
  GetAccessPoint: getAccessPoint,
  ListAccessPoints: listAccessPoints,
  DeleteAccessPoint: deleteAccessPoint,
  CreateAccessPointForObjectLambda: createAccessPointForObjectLambda,
  GetAccessPointForObjectLambda: getAccessPointForObjectLambda,
  ListAccessPointsForObjectLambda: listAccessPointsForObjectLambda,
  DeleteAccessPointForObjectLambda: deleteAccessPointForObjectLambda,
  GetAccessPointConfigurationForObjectLambda: getAccessPointConfigurationForObjectLambda,
  PutAccessPointConfigurationForObjectLambda: putAccessPointConfigurationForObjectLambda,
  PutAccessPointPolicyForObjectLambda: objectLambdaPolicies.put,
  GetAccessPointPolicyForObjectLambda: objectLambdaPolicies.get,
  DeleteAccessPointPolicyForObjectLambda: objectLambdaPolicies.delete,
  GetAccessPointPolicyStatusForObjectLambda: objectLambdaPolicies.status,
  PutAccessPointPolicy: accessPointPolicies.put,
  GetAccessPointPolicy: accessPointPolicies.get,
  DeleteAccessPointPolicy: accessPointPolicies.delete,
  GetAccessPointPolicyStatus: accessPointPolicies.status,
  PutPublicAccessBlock: putPublicAccessBlock,
  GetPublicAccessBlock: getPublicAccessBlock,
  DeletePublicAccessBlock: deletePublicAccessBlock,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};

/**
 * The model as AWS serves it: TagResource and its siblings take a general purpose bucket's ARN (`arn:aws:s3:::<bucket>`,
 * no region), which the model's S3ResourceArn pattern refuses, and judge tag text themselves (`InvalidTag`, not a
 * validation error): AWS-recorded TestS3ControlTagging. Lengths still count.
 */
const UNCHECKED_PATTERNS = ['S3ResourceArn', 'TagKeyString', 'TagValueString'];

function servedModel(): ServiceModel {
  const model = loadModel('s3control');
  const shapes = { ...model.shapes };
  for (const name of UNCHECKED_PATTERNS) {
    const { pattern: _unchecked, ...shape } = shapes[name];
    shapes[name] = shape;
  }
  return { ...model, shapes };
}

const ACCOUNT_ACTIONS: Readonly<Record<string, string>> = {
  PutPublicAccessBlock: 's3:PutAccountPublicAccessBlock',
  DeletePublicAccessBlock: 's3:PutAccountPublicAccessBlock',
  GetPublicAccessBlock: 's3:GetAccountPublicAccessBlock',
};

const s3control: ServiceDefinition<S3controlState> = {
  name: 's3control',
  model: servedModel(),
  createState: (accountId, region) => createS3controlState(accountId, region),
  // The model's constraints (required members, lengths, patterns, enums), reported as AWS's Coral framework does.
  validation: 'coral',
  handlers,
  // For --enforce-iam: the account's Block Public Access is its own pair of actions (Service Authorization Reference);
  // every other operation here is the s3: action of its name.
  iamAction: (operation) => (Object.hasOwn(ACCOUNT_ACTIONS, operation) ? ACCOUNT_ACTIONS[operation] : undefined),
  // S3 Control answers a successful DELETE with 204 No Content (AWS-recorded TestS3ControlPublicAccessBlock, access point lifecycle).
  http: {
    decorate(req, response) {
      if (req.method === 'DELETE' && response.status === 200) response.status = 204;
    },
  },
};

export default s3control;
