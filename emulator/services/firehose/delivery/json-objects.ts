/**
 * The JSON objects written one after another in a record (`{"a":1}{"a":2}`, or one per line), as text; a SyntaxError
 * when anything else stands between them or one is left open.
 */
export function splitJsonObjects(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) out.push(text.slice(start, i + 1));
    else if (depth === 0 && !/\s/.test(c)) throw new SyntaxError(`Unexpected character ${c} between JSON records`);
  }
  if (depth !== 0) throw new SyntaxError('Unterminated JSON record');
  return out;
}
