import type { ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';
import { templateTags } from '../../cloudformation/read-back.ts';
import { tagsInput } from './identities.ts';
import { updateEntityTags } from './tags.ts';

async function state(request: ResourceRequest, name: string) {
  const { ServerCertificate } = await request.call('iam', 'GetServerCertificate', { ServerCertificateName: name });
  return { physicalId: name, attributes: { Arn: ServerCertificate.ServerCertificateMetadata.Arn } };
}

/** A PEM IAM keeps without the surrounding whitespace the template may give it: the template's text when only that differs. */
function samePem(given: unknown, kept: string | undefined): string | undefined {
  return typeof given === 'string' && given.trim() === kept?.trim() ? given : kept;
}

/** `AWS::IAM::ServerCertificate`: Ref is the certificate's name; GetAtt Arn. Path and tags change in place. */
export const serverCertificate: ResourceType = {
  async create(request) {
    const p = request.properties;
    const name: string = p.ServerCertificateName ?? request.physicalName({ maxLength: 128 });
    const { ServerCertificateMetadata } = await request.call('iam', 'UploadServerCertificate', {
      ServerCertificateName: name,
      CertificateBody: p.CertificateBody,
      PrivateKey: p.PrivateKey,
      CertificateChain: p.CertificateChain,
      Path: p.Path,
      ...tagsInput(request),
    });
    return { physicalId: name, attributes: { Arn: ServerCertificateMetadata.Arn } };
  },
  async update(request) {
    const name = request.physicalId;
    if ((request.properties.Path ?? '/') !== (request.previous.Path ?? '/')) await request.call('iam', 'UpdateServerCertificate', { ServerCertificateName: name, NewPath: request.properties.Path ?? '/' });
    await updateEntityTags(request, 'ServerCertificate', { ServerCertificateName: name });
    return state(request, name);
  },
  async delete(request) {
    await request.call('iam', 'DeleteServerCertificate', { ServerCertificateName: request.physicalId });
  },
  async read(request) {
    const { ServerCertificate } = await request.call('iam', 'GetServerCertificate', { ServerCertificateName: request.physicalId });
    // The private key is write-only: IAM never gives it back.
    return {
      ServerCertificateName: request.physicalId,
      CertificateBody: samePem(request.properties.CertificateBody, ServerCertificate.CertificateBody),
      CertificateChain: samePem(request.properties.CertificateChain, ServerCertificate.CertificateChain),
      Path: ServerCertificate.ServerCertificateMetadata.Path,
      Tags: templateTags(request, ServerCertificate.Tags),
    };
  },
  createOnly: ['ServerCertificateName', 'PrivateKey', 'CertificateBody', 'CertificateChain'],
  properties: ['ServerCertificateName', 'CertificateBody', 'PrivateKey', 'CertificateChain', 'Path', 'Tags'],
};
