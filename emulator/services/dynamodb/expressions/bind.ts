/**
 * Turns syntax trees into bound expressions for one request: substitutes ExpressionAttributeNames/Values (in
 * source order, so the first undefined one is reported) and runs the checks that depend on the values.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Condition, Operand, Path, UpdateAction } from './bound.ts';
import { formatPath } from './bound.ts';
import type { ExpressionContext } from './context.ts';
import { Detail, invalidExpression, type ExpressionKind } from './errors.ts';
import type { ConditionSyntax, OperandSyntax, PathSyntax, UpdateActionSyntax } from './syntax.ts';
import { compareValues, longTypeName, TYPE_TAGS, typeOf } from './values.ts';

const MAX_NESTING_LEVELS = 32;

export class Binder {
  constructor(
    private readonly kind: ExpressionKind,
    private readonly ctx: ExpressionContext,
  ) {}

  private fail(detail: string): never {
    throw invalidExpression(this.kind, detail);
  }

  path(syntax: PathSyntax): Path {
    const path: Path = syntax.segments.map((segment) =>
      segment.kind === 'name' ? segment.name : segment.kind === 'alias' ? this.ctx.resolveName(this.kind, segment.alias) : segment.index,
    );
    if (path.length > MAX_NESTING_LEVELS) this.fail(Detail.nestingLevels(path.length));
    return path;
  }

  value(ref: string): AttributeValue {
    return this.ctx.resolveValue(this.kind, ref);
  }

  operand(syntax: OperandSyntax): Operand {
    switch (syntax.t) {
      case 'path':
        return { t: 'path', path: this.path(syntax) };
      case 'value':
        return { t: 'const', value: this.value(syntax.ref) };
      case 'arith': {
        const left = this.operand(syntax.left);
        const right = this.operand(syntax.right);
        for (const side of [left, right]) {
          // the operator is reported like a function, "operator or function: +" (dynalite test/updateItem.js, real DynamoDB)
          if (side.t === 'const' && side.value.N === undefined) this.fail(Detail.operandType(syntax.op, typeOf(side.value)));
        }
        return { t: 'arith', op: syntax.op, left, right };
      }
      case 'call':
        return this.call(syntax);
    }
  }

  private call(syntax: Extract<OperandSyntax, { t: 'call' }>): Operand {
    const args = syntax.args.map((arg) => this.operand(arg));
    const firstPath = () => (args[0] as Extract<Operand, { t: 'path' }>).path;
    switch (syntax.fn) {
      case 'size':
        return { t: 'size', path: firstPath() };
      case 'if_not_exists':
        return { t: 'if_not_exists', path: firstPath(), fallback: args[1] };
      default: {
        for (const arg of args) {
          if (arg.t === 'const' && arg.value.L === undefined) this.fail(Detail.operandType('list_append', typeOf(arg.value)));
        }
        return { t: 'list_append', left: args[0], right: args[1] };
      }
    }
  }

  condition(syntax: ConditionSyntax): Condition {
    switch (syntax.t) {
      case 'paren':
        return this.condition(syntax.inner);
      case 'and':
      case 'or':
        return { t: syntax.t, left: this.condition(syntax.left), right: this.condition(syntax.right) };
      case 'not':
        return { t: 'not', operand: this.condition(syntax.operand) };
      case 'compare':
        return { t: 'compare', op: syntax.op, left: this.operand(syntax.left), right: this.operand(syntax.right) };
      case 'in':
        return { t: 'in', subject: this.operand(syntax.subject), list: syntax.list.map((item) => this.operand(item)) };
      case 'between':
        return this.between(syntax);
      case 'function':
        return this.functionCondition(syntax.call);
    }
  }

  private between(syntax: Extract<ConditionSyntax, { t: 'between' }>): Condition {
    const subject = this.operand(syntax.subject);
    const low = this.operand(syntax.low);
    const high = this.operand(syntax.high);
    if (low.t === 'const' && high.t === 'const') {
      const order = compareValues(low.value, high.value);
      if (typeOf(low.value) !== typeOf(high.value)) {
        this.fail(Detail.betweenTypes(printValue(low.value), printValue(high.value)));
      }
      if (order > 0) this.fail(Detail.betweenBounds(printValue(low.value), printValue(high.value)));
    }
    return { t: 'between', subject, low, high };
  }

  private functionCondition(call: Extract<OperandSyntax, { t: 'call' }>): Condition {
    if (call.fn === 'begins_with') return this.beginsWith(call);
    const path = this.path(call.args[0] as PathSyntax);
    const second = call.args.length > 1 ? this.operand(call.args[1]) : undefined;
    switch (call.fn) {
      case 'attribute_exists':
        return { t: 'exists', path, expected: true };
      case 'attribute_not_exists':
        return { t: 'exists', path, expected: false };
      case 'attribute_type':
        if (second!.t === 'const') {
          const type = second!.value;
          if (type.S === undefined) this.fail(Detail.operandType('attribute_type', typeOf(type)));
          if (!(TYPE_TAGS as string[]).includes(type.S)) this.fail(Detail.invalidTypeName(type.S));
        }
        return { t: 'attribute_type', path, type: second! };
      default:
        return { t: 'contains', path, operand: second! };
    }
  }

  /** Either operand may be a path or a value; values must be strings or binaries. */
  private beginsWith(call: Extract<OperandSyntax, { t: 'call' }>): Condition {
    const [subject, prefix] = call.args.map((arg) => this.operand(arg));
    for (const operand of [subject, prefix]) {
      if (operand.t === 'const' && operand.value.S === undefined && operand.value.B === undefined) {
        this.fail(Detail.operandType('begins_with', typeOf(operand.value)));
      }
    }
    return { t: 'begins_with', subject, prefix };
  }

  updateActions(actions: UpdateActionSyntax[]): UpdateAction[] {
    const bound = actions.map((action): UpdateAction => {
      const path = this.path(action.path);
      if (action.t === 'REMOVE') return { t: 'REMOVE', path };
      if (action.t === 'SET') return { t: 'SET', path, value: this.operand(action.value) };
      const value = this.value((action.value as { ref: string }).ref);
      const type = typeOf(value);
      const allowed = action.t === 'ADD' ? ['N', 'SS', 'NS', 'BS'] : ['SS', 'NS', 'BS'];
      if (!allowed.includes(type)) this.fail(Detail.actionOperandType(action.t, longTypeName(value)));
      return { t: action.t, path, value };
    });
    this.checkOverlaps(bound.map((action) => action.path));
    return bound;
  }

  /** Two paths overlap when one is a prefix of the other; they conflict when they diverge on map key vs index. */
  checkOverlaps(paths: Path[]): void {
    for (let i = 0; i < paths.length; i++) {
      for (let j = 0; j < i; j++) {
        const one = paths[j];
        const two = paths[i];
        const length = Math.min(one.length, two.length);
        let k = 0;
        while (k < length && one[k] === two[k]) k++;
        if (k === length) this.fail(Detail.pathsOverlap(formatPath(one), formatPath(two)));
        if (typeof one[k] !== typeof two[k]) this.fail(Detail.pathsConflict(formatPath(one), formatPath(two)));
      }
    }
  }
}

/** "{N:1}" / "{S:abc}" as AWS prints constant operands in BETWEEN errors. */
export function printValue(value: AttributeValue): string {
  const type = typeOf(value);
  const raw = (value as unknown as Record<string, unknown>)[type];
  const text = raw instanceof Uint8Array ? Buffer.from(raw).toString('base64') : String(raw);
  return `{${type}:${text}}`;
}
