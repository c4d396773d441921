/**
 * Wildcard values (`*` matches any run of characters, `\*` a star, `\\` a backslash), compiled to a regular
 * expression, and AWS's check that a wildcard rule stays cheap to evaluate.
 */
export function wildcardSyntaxProblem(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      if (text[i + 1] !== '*' && text[i + 1] !== '\\') return `Invalid escape character at pos ${i}`;
      i++;
    } else if (text[i] === '*' && text[i + 1] === '*') return `Consecutive wildcard characters at pos ${i + 1}`;
  }
  return undefined;
}

interface Step {
  star: boolean;
  char?: string;
}

function steps(text: string): Step[] {
  const out: Step[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') out.push({ star: false, char: text[++i] });
    else if (text[i] === '*') out.push({ star: true });
    else out.push({ star: false, char: text[i] });
  }
  return out;
}

export function wildcardRegExp(text: string): RegExp {
  const source = steps(text)
    .map((s) => (s.star ? '[\\s\\S]*' : s.char!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'u');
}

/**
 * Most NFA states one input can keep alive at once: AWS refuses wildcard rules above a complexity limit. The limit is
 * not documented; twinstack's value refuses AWS's recorded example (`*:*:*:*:*:event-bus/*`) and accepts the
 * documented ones.
 */
const MAX_ACTIVE_STATES = 10;

export function wildcardTooComplex(text: string): boolean {
  const pattern = steps(text);
  const alphabet = [...new Set(pattern.filter((s) => !s.star).map((s) => s.char!)), '\u0000'];
  const closure = (states: Set<number>) => {
    for (const s of [...states]) for (let i = s; i < pattern.length && pattern[i].star; i++) states.add(i + 1);
    return states;
  };
  const key = (states: Set<number>) => [...states].sort((a, b) => a - b).join(',');
  const start = closure(new Set([0]));
  const seen = new Set([key(start)]);
  const queue = [start];
  while (queue.length) {
    const states = queue.shift()!;
    if (states.size > MAX_ACTIVE_STATES) return true;
    for (const c of alphabet) {
      const next = new Set<number>();
      for (const s of states) {
        if (s >= pattern.length) continue;
        if (pattern[s].star) next.add(s);
        else if (pattern[s].char === c) next.add(s + 1);
      }
      if (!next.size) continue;
      const k = key(closure(next));
      if (!seen.has(k) && seen.size < 10_000) {
        seen.add(k);
        queue.push(next);
      }
    }
  }
  return false;
}
