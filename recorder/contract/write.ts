import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ContractFile } from '../../verifier/contract/types.ts';
import { scanForSecrets } from '../../verifier/contract/secrets.ts';
import { validateContract } from '../../verifier/contract/validate.ts';

export class UnsafeContractError extends Error {}

/**
 * Writes a contract only if it follows the format and is safe to commit: the shared secret scanner finds nothing shaped like an AWS access
 * key, secret key or session token, and none of the recording's own identifiers (account id, access key id) survived
 * redaction anywhere in the file.
 */
export function writeContract(file: string, contract: ContractFile, forbidden: string[]): void {
  const text = `${JSON.stringify(contract, null, 2)}\n`;
  const invalid = validateContract(contract);
  if (invalid.length) throw new Error(`the recorded contract for ${file} does not follow the format:\n  ${invalid.join('\n  ')}`);
  const problems = scanForSecrets(text).map((f) => `line ${f.line}: ${f.kind} ${f.excerpt}`);
  for (const value of forbidden) if (value && text.includes(value)) problems.push(`the recording's own identifier ${value.slice(0, 4)}… is still in the file`);
  if (problems.length) throw new UnsafeContractError(`refusing to write ${file}:\n  ${problems.join('\n  ')}`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** `contracts/sqs/send-receive.json` → `sqs/send-receive`: the id is the file's service folder and name. */
export function contractId(file: string): string {
  const parts = file.replace(/\\/g, '/').replace(/\.json$/, '').split('/');
  return parts.slice(-2).join('/');
}
