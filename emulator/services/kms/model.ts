import { withEnumOrder } from '../../models/enum-order.ts';
import { loadModel } from '../../models/load.ts';
import type { ServiceModel } from '../../models/types.ts';

/**
 * The KMS model as AWS's validation words it. MacAlgorithmSpec: AWS-recorded test_invalid_generate_mac and
 * test_invalid_verify_mac (the iteration order of a Java HashSet of the four names). KeySpec and KeyUsageType keep
 * botocore's order: their recorded messages (April 2023) predate values AWS has added since (KEY_AGREEMENT, ML_DSA_*,
 * ECC_NIST_EDWARDS25519), so where those go in AWS's list is not known.
 */
export function kmsModel(): ServiceModel {
  return withEnumOrder(loadModel('kms'), { MacAlgorithmSpec: ['HMAC_SHA_384', 'HMAC_SHA_256', 'HMAC_SHA_224', 'HMAC_SHA_512'] });
}
