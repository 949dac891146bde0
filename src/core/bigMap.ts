/**
 * A Map for more keys than one JavaScript Map holds (V8 stops at 2^24, about 16.7 million): the keys are
 * spread over shards by a cheap hash. Keys are numbers or strings, compared as a Map compares them.
 */
export class BigMap<K extends number | string, V> {
  private readonly shards: Map<K, V>[] = Array.from({length: 16}, () => new Map<K, V>());

  private shard(key: K): Map<K, V> {
    const h = typeof key === "number" ? Math.floor(Math.abs(key)) : hashString(key);
    return this.shards[h & 15];
  }

  get(key: K): V | undefined {
    return this.shard(key).get(key);
  }

  has(key: K): boolean {
    return this.shard(key).has(key);
  }

  set(key: K, value: V): this {
    this.shard(key).set(key, value);
    return this;
  }

  get size(): number {
    return this.shards.reduce((n, s) => n + s.size, 0);
  }
}

/** A string's last two characters mixed: enough to spread identifiers such as "u17" and "u18". */
function hashString(s: string): number {
  const n = s.length;
  return n === 0 ? 0 : s.charCodeAt(n - 1) ^ (n > 1 ? s.charCodeAt(n - 2) >> 2 : 0) ^ n;
}
