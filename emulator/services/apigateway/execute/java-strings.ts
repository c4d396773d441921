/**
 * The java.lang.String methods a mapping template calls on strings, with Java's meaning: API Gateway runs templates
 * in Java's Velocity, where `replaceAll` and `split` take regular expressions and `replace` replaces every
 * occurrence (SAM's state machine templates end in `.replaceAll("\\'","'")`). Methods whose JavaScript namesake
 * means the same (substring, indexOf, trim, toUpperCase…) need no handler.
 */

/** A Java replacement string in JavaScript's form: `\x` is a literal x, `$n` a group (JavaScript's `$$` is a literal $). */
function replacement(java: string): string {
  return String(java).replace(/\\(.)|\$(\d)|\$/g, (_whole, escaped: string | undefined, group: string | undefined) => {
    if (escaped !== undefined) return escaped === '$' ? '$$' : escaped;
    return group !== undefined ? `$${group}` : '$$';
  });
}

/** Java's `split(regex)`: like JavaScript's, without the trailing empty strings. */
function split(text: string, regex: string): string[] {
  const parts = text.split(new RegExp(regex));
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

const METHODS: Record<string, (text: string, ...args: string[]) => unknown> = {
  replaceAll: (text, regex, to) => text.replace(new RegExp(regex, 'g'), replacement(to)),
  replaceFirst: (text, regex, to) => text.replace(new RegExp(regex), replacement(to)),
  replace: (text, from, to) => text.split(String(from)).join(String(to)),
  matches: (text, regex) => new RegExp(`^(?:${regex})$`).test(text),
  split,
  length: (text) => text.length,
  isEmpty: (text) => text.length === 0,
  contains: (text, part) => text.includes(String(part)),
  equals: (text, other) => text === other,
  equalsIgnoreCase: (text, other) => typeof other === 'string' && text.toLowerCase() === other.toLowerCase(),
};

interface MethodCall {
  property: string;
  params: unknown[];
  context: unknown;
}

/** velocityjs's custom method handler for strings (it tries these before calling the JavaScript method). */
export const javaStringMethods = {
  uid: 'java.lang.String',
  match: ({ property, context }: MethodCall) => typeof context === 'string' && Object.hasOwn(METHODS, property),
  resolve: ({ property, params, context }: MethodCall) => METHODS[property](context as string, ...(params as string[])),
};
