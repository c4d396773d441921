/** ProjectionExpression / AttributesToGet: copies only the requested document paths of an item. */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Path } from './bound.ts';
import { setEntry } from '../../../core/entries.ts';

type Item = Record<string, AttributeValue>;
/** Requested sub-paths per segment; `true` takes the whole value. */
type Selection = Map<string | number, Selection | true>;

function buildSelection(paths: Path[]): Selection {
  const root: Selection = new Map();
  for (const path of paths) {
    let node = root;
    path.forEach((segment, i) => {
      const existing = node.get(segment);
      if (existing === true) return;
      if (i === path.length - 1) node.set(segment, true);
      else {
        const child = existing ?? new Map();
        node.set(segment, child);
        node = child;
      }
    });
  }
  return root;
}

function select(value: AttributeValue, selection: Selection): AttributeValue | undefined {
  if (value.M !== undefined) {
    const map: Item = {};
    let found = false;
    for (const [key, sub] of selection) {
      if (typeof key !== 'string' || !Object.hasOwn(value.M, key)) continue;
      const picked = sub === true ? value.M[key] : select(value.M[key], sub);
      if (picked !== undefined) {
        setEntry(map, key, picked);
        found = true;
      }
    }
    return found ? { M: map } : undefined;
  }
  if (value.L !== undefined) {
    // Projected list elements come back compacted, in index order.
    const indexes = [...selection.keys()].filter((key): key is number => typeof key === 'number').sort((a, b) => a - b);
    const list: AttributeValue[] = [];
    for (const index of indexes) {
      if (index >= value.L.length) continue;
      const sub = selection.get(index)!;
      const picked = sub === true ? value.L[index] : select(value.L[index], sub);
      if (picked !== undefined) list.push(picked);
    }
    return list.length > 0 ? { L: list } : undefined;
  }
  return undefined;
}

export function project(item: Item, paths: Path[]): Item {
  return (select({ M: item }, buildSelection(paths))?.M ?? {}) as Item;
}
