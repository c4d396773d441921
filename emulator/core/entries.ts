/**
 * Stores a client-chosen key in a plain object. `__proto__` is a legal map key on AWS (a DynamoDB attribute or SQS
 * message attribute name), but `object[key] = value` would set the object's prototype instead of storing it.
 */
export function setEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
