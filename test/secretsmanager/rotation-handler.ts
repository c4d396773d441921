/**
 * A rotation function (Node.js, SDK v3) for the four-step rotation protocol: createSecret puts the current value with
 * '+1' as AWSPENDING, finishSecret makes it AWSCURRENT.
 */
export const ROTATION_HANDLER = `
const { SecretsManagerClient, GetSecretValueCommand, PutSecretValueCommand, DescribeSecretCommand, UpdateSecretVersionStageCommand } = require('@aws-sdk/client-secrets-manager');
const sm = new SecretsManagerClient({});
exports.handler = async ({ SecretId, ClientRequestToken, Step }) => {
  if (Step === 'createSecret') {
    const { SecretString } = await sm.send(new GetSecretValueCommand({ SecretId, VersionStage: 'AWSCURRENT' }));
    await sm.send(new PutSecretValueCommand({ SecretId, ClientRequestToken, SecretString: SecretString + '+1', VersionStages: ['AWSPENDING'] }));
  } else if (Step === 'finishSecret') {
    const { VersionIdsToStages } = await sm.send(new DescribeSecretCommand({ SecretId }));
    const current = Object.keys(VersionIdsToStages).find((id) => VersionIdsToStages[id].includes('AWSCURRENT'));
    await sm.send(new UpdateSecretVersionStageCommand({ SecretId, VersionStage: 'AWSCURRENT', MoveToVersionId: ClientRequestToken, RemoveFromVersionId: current }));
  }
};`;
