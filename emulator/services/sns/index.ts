import { AwsError } from '../../core/errors.ts';
import type { ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { InternalText } from '../../server/http.ts';
import { outboxRoute } from './outbox.ts';
import { getDataProtectionPolicy, putDataProtectionPolicy } from './operations/data-protection.ts';
import { addPermission, removePermission } from './operations/permissions.ts';
import {
  createPlatformApplication,
  createPlatformEndpoint,
  deleteEndpoint,
  deletePlatformApplication,
  getEndpointAttributes,
  getPlatformApplicationAttributes,
  listEndpointsByPlatformApplication,
  listPlatformApplications,
  setEndpointAttributes,
  setPlatformApplicationAttributes,
} from './operations/platform.ts';
import { publish, publishBatch } from './operations/publish.ts';
import * as sms from './operations/sms.ts';
import {
  confirmSubscription,
  getSubscriptionAttributes,
  listSubscriptions,
  listSubscriptionsByTopic,
  setSubscriptionAttributes,
  subscribe,
  subscribeMaySign,
  unsubscribe,
} from './operations/subscriptions.ts';
import { listTagsForResource, tagResource, untagResource } from './operations/tags.ts';
import { createTopic, deleteTopic, getTopicAttributes, listTopics, setTopicAttributes } from './operations/topics.ts';
import { stateForArn } from './lookup.ts';
import { CERTIFICATE_PATH, prepareSigningKey, signingKey, withSigningKey } from './signing.ts';
import { SnsState } from './state.ts';
import { snsDeliveryTarget } from './target.ts';
import { topicPolicy } from './topic.ts';

const sns: ServiceDefinition<SnsState> = {
  name: 'sns',
  model: loadModel('sns'),
  // For --enforce-iam: a topic policy naming the caller grants within the topic's account; its explicit Deny wins.
  resourcePolicy: (input, ctx) => {
    const arn = typeof input.TopicArn === 'string' ? input.TopicArn : typeof input.ResourceArn === 'string' ? input.ResourceArn : undefined;
    const topic = arn ? stateForArn(ctx, arn)?.topics.get(arn) : undefined;
    return topic && { document: topicPolicy(topic), ownerAccount: topic.accountId };
  },
  // SNS answers IAM denials with its own AuthorizationError (403), as for topic policies.
  accessDenied: (message) => new AwsError('AuthorizationErrorException', message),
  handlers: {
    CreateTopic: createTopic,
    DeleteTopic: deleteTopic,
    ListTopics: listTopics,
    GetTopicAttributes: getTopicAttributes,
    SetTopicAttributes: setTopicAttributes,
    TagResource: tagResource,
    UntagResource: untagResource,
    ListTagsForResource: listTagsForResource,
    AddPermission: addPermission,
    RemovePermission: removePermission,
    PutDataProtectionPolicy: putDataProtectionPolicy,
    GetDataProtectionPolicy: getDataProtectionPolicy,
    Subscribe: withSigningKey(subscribe, subscribeMaySign),
    ConfirmSubscription: confirmSubscription,
    Unsubscribe: withSigningKey(unsubscribe),
    ListSubscriptions: listSubscriptions,
    ListSubscriptionsByTopic: listSubscriptionsByTopic,
    GetSubscriptionAttributes: getSubscriptionAttributes,
    SetSubscriptionAttributes: setSubscriptionAttributes,
    Publish: withSigningKey(publish),
    PublishBatch: withSigningKey(publishBatch),
    CreatePlatformApplication: createPlatformApplication,
    GetPlatformApplicationAttributes: getPlatformApplicationAttributes,
    SetPlatformApplicationAttributes: setPlatformApplicationAttributes,
    ListPlatformApplications: listPlatformApplications,
    DeletePlatformApplication: deletePlatformApplication,
    CreatePlatformEndpoint: createPlatformEndpoint,
    GetEndpointAttributes: getEndpointAttributes,
    SetEndpointAttributes: setEndpointAttributes,
    ListEndpointsByPlatformApplication: listEndpointsByPlatformApplication,
    DeleteEndpoint: deleteEndpoint,
    SetSMSAttributes: sms.setSMSAttributes,
    GetSMSAttributes: sms.getSMSAttributes,
    CheckIfPhoneNumberIsOptedOut: sms.checkIfPhoneNumberIsOptedOut,
    ListPhoneNumbersOptedOut: sms.listPhoneNumbersOptedOut,
    OptInPhoneNumber: sms.optInPhoneNumber,
    GetSMSSandboxAccountStatus: sms.getSMSSandboxAccountStatus,
    CreateSMSSandboxPhoneNumber: sms.createSMSSandboxPhoneNumber,
    VerifySMSSandboxPhoneNumber: sms.verifySMSSandboxPhoneNumber,
    DeleteSMSSandboxPhoneNumber: sms.deleteSMSSandboxPhoneNumber,
    ListSMSSandboxPhoneNumbers: sms.listSMSSandboxPhoneNumbers,
    ListOriginationNumbers: sms.listOriginationNumbers,
  },
  createState: (accountId, region, emulator) => {
    // The signing key is made in the background from SNS's first use, ready by the time anything is published.
    prepareSigningKey(emulator).catch(() => undefined);
    return new SnsState(accountId, region);
  },
  // SNS checks its parameters itself, with its own messages (InvalidParameter, ValidationError).
  validation: 'none',
  deliveryTarget: snsDeliveryTarget,
  // State is plain data (compiled filters live beside it), pending confirmation tokens included.
  persistence: { classes: { SnsState } },
  internalRoutes: {
    '/_twinstack/sns/messages': outboxRoute,
    [CERTIFICATE_PATH]: (emulator) => new InternalText('application/x-x509-ca-cert', signingKey(emulator).certificatePem),
  },
};

export default sns;
