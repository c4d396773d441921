/** What the PartiQL parser hands to the DynamoDB service for execution. */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Condition, Path, UpdatePlan } from '../expressions/bound.ts';

type Item = Record<string, AttributeValue>;

export type PartiqlStatement =
  | {
      kind: 'select';
      table: string;
      /** SELECT ... FROM "table"."index" */
      index?: string;
      /** undefined for SELECT *; otherwise the projected paths (use expressions' project()). */
      projection?: Path[];
      /** The WHERE clause (evaluate with evaluateCondition); undefined when there is none. */
      where?: Condition;
      /** attribute = constant terms AND-ed at the top of WHERE: lets the executor use a key lookup/Query. */
      keyEqualities: Item;
    }
  | { kind: 'insert'; table: string; item: Item }
  | {
      kind: 'update';
      table: string;
      /** attribute = constant terms AND-ed in WHERE; the executor checks they name exactly the table's key. */
      key: Item;
      plan: UpdatePlan;
      /** The whole WHERE clause; the item must exist and satisfy it. */
      where: Condition;
    }
  | { kind: 'delete'; table: string; key: Item; where: Condition };
