import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { accessPoint } from './access-point.ts';
import { objectLambdaAccessPoint, objectLambdaAccessPointPolicy } from './object-lambda-access-point.ts';

/** The CloudFormation resource types of S3 Control's resources. */
const types: ResourceTypes = {
  'AWS::S3::AccessPoint': accessPoint,
  'AWS::S3ObjectLambda::AccessPoint': objectLambdaAccessPoint,
  'AWS::S3ObjectLambda::AccessPointPolicy': objectLambdaAccessPointPolicy,
};

export default types;
