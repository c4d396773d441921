/**
 * Stores a client-chosen key in a plain object. `__proto__` is a legal map key on AWS (a DynamoDB attribute or SQS
 * message attribute name), but `object[key] = value` would set the object's prototype instead of storing it.
 */
export function setEntry(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * An empty object for client-chosen keys (a decoded map): no prototype, so a lookup of a key the client did not send
 * (`constructor`, `toString`) finds nothing instead of Object.prototype's members.
 */
export function entries<Value = unknown>(): Record<string, Value> {
  return Object.create(null) as Record<string, Value>;
}
