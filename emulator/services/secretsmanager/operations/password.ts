import { randomInt } from 'node:crypto';
import type { GetRandomPasswordCommandInput } from '@aws-sdk/client-secrets-manager';
import { SecretsErrors } from '../errors.ts';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/**
 * A random password from the character types the request keeps (minus ExcludeCharacters); with
 * RequireEachIncludedType (the default) it holds at least one character of each type, as Secrets Manager promises.
 */
export function getRandomPassword(input: GetRandomPasswordCommandInput) {
  const length = input.PasswordLength ?? 32;
  const excluded = new Set(input.ExcludeCharacters ?? '');
  const keep = (chars: string) => [...chars].filter((c) => !excluded.has(c)).join('');
  const types = [
    input.ExcludeLowercase ? '' : keep(LOWER),
    input.ExcludeUppercase ? '' : keep(UPPER),
    input.ExcludeNumbers ? '' : keep(DIGITS),
    input.ExcludePunctuation ? '' : keep(PUNCTUATION),
    input.IncludeSpace ? keep(' ') : '',
  ].filter(Boolean);
  const all = types.join('');
  if (!all) throw SecretsErrors.invalidParameter('The password must include at least one character.');
  const required = input.RequireEachIncludedType ?? true;
  if (required && types.length > length) throw SecretsErrors.invalidParameter('The password length is too short to include every required character type.');
  const chars = Array.from({ length }, () => all[randomInt(all.length)]);
  if (required) {
    // Put one character of each type at distinct random places.
    const places = [...chars.keys()];
    for (const type of types) {
      const at = places.splice(randomInt(places.length), 1)[0];
      chars[at] = type[randomInt(type.length)];
    }
  }
  return { RandomPassword: chars.join('') };
}
