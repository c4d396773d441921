/**
 * How API Gateway's mapping templates (Java's Velocity) show and compare the values `$input.path(...)` gives:
 * a JSON object is a Java map, printed `{key=value, ...}`; a JSON list prints as JSON text (`[{"foo":"bar"}]`),
 * as AWS answers (LocalStack's test_input_path_template_formatting recorded both).
 */
export function javaValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    // Not an Array, which velocityjs would print Java's way (`[{foo=bar}]`): indexable, iterable by its values.
    const list: Record<number, unknown> = {};
    value.forEach((member, i) => (list[i] = javaValue(member)));
    Object.defineProperty(list, 'length', { value: value.length, enumerable: false });
    Object.defineProperty(list, 'toString', { value: () => JSON.stringify(value), enumerable: false });
    return list;
  }
  if (typeof value === 'object') {
    const map: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) map[key] = javaValue(member);
    // The members as made: velocityjs adds its own (`eval`) to objects whose methods a template calls.
    const members = Object.entries(map);
    Object.defineProperty(map, 'toString', { value: () => `{${members.map(([k, v]) => `${k}=${v === undefined ? 'null' : String(v)}`).join(', ')}}`, enumerable: false });
    return map;
  }
  return value;
}

/**
 * Velocity's `==`: two nothings are equal, and nothing equals the empty text (AWS: a missing `$input.path(...)` value
 * is both `$null` and `""`); values of different types compare by their text (`"1" == 1`), others by value.
 */
export function velocityEquals(left: unknown, right: unknown): boolean {
  const nothing = (v: unknown) => v === undefined || v === null;
  if (nothing(left) || nothing(right)) return (nothing(left) || left === '') && (nothing(right) || right === '');
  if (typeof left !== typeof right || typeof left === 'object') return String(left) === String(right);
  return left === right;
}
