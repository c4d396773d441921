/** Unstructured-log terms: all plain terms must occur, no `-term` may; with `?term`s, any one of them suffices. */
export interface TermPattern {
  matches(message: string): boolean;
}

export function parseTerms(text: string): TermPattern {
  const required: string[] = [];
  const excluded: string[] = [];
  const optional: string[] = [];
  const re = /([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;
  for (const m of text.matchAll(re)) {
    const term = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3];
    (m[1] === '?' ? optional : m[1] === '-' ? excluded : required).push(term);
  }
  return {
    matches(message) {
      if (optional.length && !optional.some((t) => message.includes(t))) return false;
      return required.every((t) => message.includes(t)) && !excluded.some((t) => message.includes(t));
    },
  };
}
