import { invalidValue } from './errors.ts';
import type { AlarmState } from './state.ts';

/** A composite alarm rule: `ALARM("a") AND NOT (OK(b) OR INSUFFICIENT_DATA("c"))`, TRUE, FALSE. */
export type CompositeRule = (stateOf: (nameOrArn: string) => AlarmState | undefined) => boolean;

export function parseAlarmRule(text: string): { rule: CompositeRule; children: string[] } {
  const tokens = text.match(/ALARM|OK|INSUFFICIENT_DATA|AND|OR|NOT|TRUE|FALSE|\(|\)|"[^"]*"|[^\s()"]+/g) ?? [];
  const children: string[] = [];
  let i = 0;
  const fail = (): never => {
    throw invalidValue('AlarmRule is invalid.');
  };
  const or = (): CompositeRule => {
    const parts = [and()];
    while (tokens[i] === 'OR') {
      i++;
      parts.push(and());
    }
    return (s) => parts.some((p) => p(s));
  };
  const and = (): CompositeRule => {
    const parts = [not()];
    while (tokens[i] === 'AND') {
      i++;
      parts.push(not());
    }
    return (s) => parts.every((p) => p(s));
  };
  const not = (): CompositeRule => {
    if (tokens[i] === 'NOT') {
      i++;
      const inner = not();
      return (s) => !inner(s);
    }
    return atom();
  };
  const atom = (): CompositeRule => {
    const t = tokens[i++];
    if (t === 'TRUE') return () => true;
    if (t === 'FALSE') return () => false;
    if (t === '(') {
      const inner = or();
      if (tokens[i++] !== ')') fail();
      return inner;
    }
    if (t === 'ALARM' || t === 'OK' || t === 'INSUFFICIENT_DATA') {
      if (tokens[i++] !== '(') fail();
      const name = tokens[i++]?.replace(/^"|"$/g, '');
      if (!name || tokens[i++] !== ')') fail();
      children.push(name!);
      return (s) => s(name!) === t;
    }
    return fail();
  };
  const rule = or();
  if (i !== tokens.length) fail();
  return { rule, children };
}
