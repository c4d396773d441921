import btree from 'sorted-btree';

// sorted-btree is CommonJS: under Node's ESM the default import is its `module.exports`.
const BTree = btree.default;

/**
 * Object keys in S3's listing order (UTF-8 byte order). JavaScript compares strings by UTF-16 code unit, which differs
 * from UTF-8 byte order only between surrogate pairs (characters above U+FFFF) and U+E000–U+FFFF; `compareUtf8`
 * corrects that case.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return utf8Rank(x) - utf8Rank(y);
  }
  return a.length - b.length;
}

/** Surrogates (4-byte UTF-8 sequences) sort after U+E000–U+FFFF (3-byte sequences starting 0xEE/0xEF). */
function utf8Rank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

function unitOfRank(rank: number): number {
  if (rank < 0xd800) return rank;
  if (rank < 0xf800) return rank + 0x800;
  return rank - 0x2000;
}

/**
 * The smallest string after every string that starts with `prefix` (a search probe, not a key): the prefix with its
 * last code unit stepped to the next in UTF-8 order; undefined when no string follows them all.
 */
function successor(prefix: string): string | undefined {
  for (let end = prefix.length - 1; end >= 0; end--) {
    const rank = utf8Rank(prefix.charCodeAt(end));
    if (rank < 0xffff) return prefix.slice(0, end) + String.fromCharCode(unitOfRank(rank + 1));
  }
  return undefined;
}

/**
 * A bucket's keys in a B+ tree, so an insert anywhere, a delete and finding where a listing page starts each cost
 * O(log n), whatever the bucket's size and the order keys arrive in.
 */
/** The tree a key index keeps (also what persistence recreates: the tree is rebuilt from the bucket's keys, not saved). */
export function newKeyTree() {
  return new BTree<string, undefined>(undefined, compareUtf8);
}

export class KeyIndex {
  private readonly tree = newKeyTree();

  get size(): number {
    return this.tree.size;
  }

  add(key: string): void {
    this.tree.set(key, undefined, false);
  }

  delete(key: string): void {
    this.tree.delete(key);
  }

  /** The first key >= `key` (> `key` when `exclusive`). */
  ceiling(key: string, exclusive = false): string | undefined {
    return exclusive ? this.tree.nextHigherKey(key) : this.tree.getPairOrNextHigher(key)?.[0];
  }

  /** The first key after every key that starts with `prefix` (to step over a whole common prefix at once). */
  after(prefix: string): string | undefined {
    const probe = successor(prefix);
    return probe === undefined ? undefined : this.ceiling(probe);
  }
}
