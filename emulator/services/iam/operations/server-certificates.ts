import { createPrivateKey } from 'node:crypto';
import type {
  DeleteServerCertificateCommandInput,
  GetServerCertificateCommandInput,
  ListServerCertificatesCommandInput,
  UpdateServerCertificateCommandInput,
  UploadServerCertificateCommandInput,
} from '@aws-sdk/client-iam';
import { AwsError } from '../../../core/errors.ts';
import { iamArn, tagsOrUndefined, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { IamIds } from '../ids.ts';
import { byPathPrefix, paginate } from '../paging.ts';
import type { ServerCertificate } from '../state.ts';
import { copyTags } from '../tags.ts';
import { parseCertificate } from './signing-certificates.ts';

export function requireServerCertificate(ctx: IamContext, name: string): ServerCertificate {
  const certificate = ctx.state.serverCertificates.get(name.toLowerCase());
  if (!certificate) throw IamErrors.noSuchEntity(`The Server Certificate with name ${name} cannot be found.`);
  return certificate;
}

function metadata(certificate: ServerCertificate) {
  return {
    Path: certificate.path,
    ServerCertificateName: certificate.name,
    ServerCertificateId: certificate.id,
    Arn: certificate.arn,
    UploadDate: certificate.uploadDate,
    Expiration: certificate.expiration,
  };
}

/** The certificate must parse and its public key must match the private key uploaded with it. */
/**
 * A PEM text as IAM keeps it: without trailing line breaks (AWS's recording of a template's block-scalar body, which
 * ends with one, in LocalStack's resource provider test_server_certificate; hashicorp/terraform#2409).
 */
function stored(pem: string): string {
  return pem.trimEnd();
}

export function uploadServerCertificate(input: UploadServerCertificateCommandInput, ctx: IamContext) {
  const name = input.ServerCertificateName!;
  if (ctx.state.serverCertificates.has(name.toLowerCase())) throw IamErrors.alreadyExists(`The Server Certificate with name ${name} already exists.`);
  const parsed = parseCertificate(input.CertificateBody!);
  let matches: boolean;
  try {
    matches = parsed.checkPrivateKey(createPrivateKey(input.PrivateKey!));
  } catch {
    throw new AwsError('MalformedCertificateException', 'Unable to parse private key.');
  }
  if (!matches) throw new AwsError('KeyPairMismatchException', 'The private key did not match the public key.');
  if (input.CertificateChain !== undefined) parseCertificate(input.CertificateChain);
  const path = input.Path ?? '/';
  const certificate: ServerCertificate = {
    name,
    id: IamIds.serverCertificate(),
    path,
    arn: iamArn(ctx, `server-certificate${path}${name}`),
    body: stored(input.CertificateBody!),
    chain: input.CertificateChain === undefined ? undefined : stored(input.CertificateChain),
    uploadDate: ctx.emulator.clock.date(),
    expiration: new Date(parsed.validTo),
    tags: copyTags(input.Tags),
  };
  ctx.state.serverCertificates.set(name.toLowerCase(), certificate);
  return { ServerCertificateMetadata: metadata(certificate), Tags: tagsOrUndefined(certificate.tags) };
}

export function getServerCertificate(input: GetServerCertificateCommandInput, ctx: IamContext) {
  const certificate = requireServerCertificate(ctx, input.ServerCertificateName!);
  return {
    ServerCertificate: {
      ServerCertificateMetadata: metadata(certificate),
      CertificateBody: certificate.body,
      CertificateChain: certificate.chain,
      // An empty list when there are none (AWS's recording in LocalStack's resource provider test_server_certificate).
      Tags: certificate.tags.map((t) => ({ Key: t.Key, Value: t.Value })),
    },
  };
}

export function listServerCertificates(input: ListServerCertificatesCommandInput, ctx: IamContext) {
  const page = paginate(byPathPrefix(ctx.state.serverCertificates.values(), input.PathPrefix), input);
  return { ServerCertificateMetadataList: page.items.map(metadata), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export function updateServerCertificate(input: UpdateServerCertificateCommandInput, ctx: IamContext) {
  const { state } = ctx;
  const certificate = requireServerCertificate(ctx, input.ServerCertificateName!);
  const newName = input.NewServerCertificateName ?? certificate.name;
  if (newName.toLowerCase() !== certificate.name.toLowerCase() && state.serverCertificates.has(newName.toLowerCase())) {
    throw IamErrors.alreadyExists(`The Server Certificate with name ${newName} already exists.`);
  }
  state.serverCertificates.delete(certificate.name.toLowerCase());
  certificate.name = newName;
  certificate.path = input.NewPath ?? certificate.path;
  certificate.arn = iamArn(ctx, `server-certificate${certificate.path}${certificate.name}`);
  state.serverCertificates.set(newName.toLowerCase(), certificate);
  return {};
}

export function deleteServerCertificate(input: DeleteServerCertificateCommandInput, ctx: IamContext) {
  const certificate = requireServerCertificate(ctx, input.ServerCertificateName!);
  ctx.state.serverCertificates.delete(certificate.name.toLowerCase());
  return {};
}
