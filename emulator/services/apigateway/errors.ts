import { AwsError } from '../../core/errors.ts';

/** API Gateway's errors: `{"message": ...}` bodies named by `x-amzn-ErrorType`, statuses from the model. */
export const notFound = (message: string) => new AwsError('NotFoundException', message, { status: 404 });
export const badRequest = (message: string) => new AwsError('BadRequestException', message, { status: 400 });
export const conflict = (message: string) => new AwsError('ConflictException', message, { status: 409 });
export const validation = (message: string) => new AwsError('ValidationException', message, { status: 400 });

/** Coral's wording for enum violations, as API Gateway answers them. */
export function enumViolation(problems: { value: string; at: string; allowed: readonly string[]; list?: boolean }[], others: string[] = []): AwsError {
  const texts = problems.map(({ value, at, allowed, list }) => {
    const constraint = `Member must satisfy enum value set: [${allowed.join(', ')}]`;
    return `Value '${value}' at '${at}' failed to satisfy constraint: ${list ? `Member must satisfy constraint: [${constraint}]` : constraint}`;
  });
  texts.push(...others);
  const count = texts.length === 1 ? '1 validation error detected' : `${texts.length} validation errors detected`;
  return validation(`${count}: ${texts.join('; ')}`);
}
