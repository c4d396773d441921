import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
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
import { deleteAccessPointPolicyForObjectLambda, getAccessPointPolicyForObjectLambda, putAccessPointPolicyForObjectLambda } from './operations/object-lambda-policy.ts';

/**
 * S3 Control: access points and S3 Object Lambda access points, per account and region. S3 serves requests through
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
  PutAccessPointPolicyForObjectLambda: putAccessPointPolicyForObjectLambda,
  GetAccessPointPolicyForObjectLambda: getAccessPointPolicyForObjectLambda,
  DeleteAccessPointPolicyForObjectLambda: deleteAccessPointPolicyForObjectLambda,
};

const s3control: ServiceDefinition<S3controlState> = {
  name: 's3control',
  model: loadModel('s3control'),
  createState: (accountId, region) => createS3controlState(accountId, region),
  // The model's constraints (required members, lengths, patterns, enums), reported as AWS's Coral framework does.
  validation: 'coral',
  handlers,
};

export default s3control;
