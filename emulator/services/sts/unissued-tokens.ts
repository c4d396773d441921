import type { DecodeAuthorizationMessageCommandInput, GetDelegatedAccessTokenCommandInput } from '@aws-sdk/client-sts';
import { AwsError } from '../../core/errors.ts';

// twinstack neither denies requests with encoded authorization messages (it enforces no IAM policies) nor hands out
// trade-in tokens, so every message and token a client presents is one AWS would not recognise either.

export function decodeAuthorizationMessage(_input: DecodeAuthorizationMessageCommandInput): never {
  throw new AwsError('InvalidAuthorizationMessageException', 'The specified authorization message is not valid.');
}

export function getDelegatedAccessToken(_input: GetDelegatedAccessTokenCommandInput): never {
  throw new AwsError(
    'ExpiredTradeInTokenException',
    'The trade-in token provided in the request has expired and can no longer be exchanged for credentials.',
  );
}
