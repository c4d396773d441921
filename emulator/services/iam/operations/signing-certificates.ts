import { X509Certificate } from 'node:crypto';
import type {
  DeleteSigningCertificateCommandInput,
  ListSigningCertificatesCommandInput,
  UpdateSigningCertificateCommandInput,
  UploadSigningCertificateCommandInput,
} from '@aws-sdk/client-iam';
import { AwsError } from '../../../core/errors.ts';
import type { IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { IamIds } from '../ids.ts';
import { paginate } from '../paging.ts';
import type { SigningCertificate, User } from '../state.ts';
import { targetUser } from './access-keys.ts';

/** IAM's quota of signing certificates per user. */
const MAX_CERTIFICATES_PER_USER = 2;

/** Parses a PEM certificate, or throws IAM's MalformedCertificate. */
export function parseCertificate(body: string): X509Certificate {
  try {
    return new X509Certificate(body);
  } catch {
    throw new AwsError('MalformedCertificateException', 'Unable to parse certificate. Please ensure the certificate is in PEM format.');
  }
}

function certificateOutput(user: User, certificate: SigningCertificate) {
  return { UserName: user.name, CertificateId: certificate.id, CertificateBody: certificate.body, Status: certificate.status, UploadDate: certificate.uploadDate };
}

function requireCertificate(user: User, id: string): SigningCertificate {
  const certificate = user.signingCertificates.get(id);
  if (!certificate) throw IamErrors.noSuchEntity(`The Certificate with id ${id} cannot be found.`);
  return certificate;
}

export function uploadSigningCertificate(input: UploadSigningCertificateCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  const parsed = parseCertificate(input.CertificateBody!);
  if ([...user.signingCertificates.values()].some((c) => new X509Certificate(c.body).fingerprint256 === parsed.fingerprint256)) {
    throw new AwsError('DuplicateCertificateException', 'The request was rejected because the same certificate is associated with an IAM user in the account.');
  }
  if (user.signingCertificates.size >= MAX_CERTIFICATES_PER_USER) {
    throw IamErrors.limitExceeded(`Cannot exceed quota for SigningCertificatesPerUser: ${MAX_CERTIFICATES_PER_USER}`);
  }
  const certificate: SigningCertificate = { id: IamIds.signingCertificate(), body: input.CertificateBody!, status: 'Active', uploadDate: ctx.emulator.clock.date() };
  user.signingCertificates.set(certificate.id, certificate);
  return { Certificate: certificateOutput(user, certificate) };
}

export function listSigningCertificates(input: ListSigningCertificatesCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  const page = paginate([...user.signingCertificates.values()], input);
  return { Certificates: page.items.map((c) => certificateOutput(user, c)), IsTruncated: page.IsTruncated, Marker: page.Marker };
}

export function updateSigningCertificate(input: UpdateSigningCertificateCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  requireCertificate(user, input.CertificateId!).status = input.Status as SigningCertificate['status'];
  return {};
}

export function deleteSigningCertificate(input: DeleteSigningCertificateCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  requireCertificate(user, input.CertificateId!);
  user.signingCertificates.delete(input.CertificateId!);
  return {};
}
