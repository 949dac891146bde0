/**
 * Connected components of an undirected graph on nodes 0..n−1, by union-find with path halving and
 * union by size. Components are numbered 0, 1, ... in order of their smallest node, so the numbering is
 * stable for a given graph whatever the edge order.
 */
export function connectedComponents(n: number, edges: Iterable<readonly [number, number]>): Int32Array {
  if (!Number.isInteger(n) || n < 0) throw new Error(`invalid node count: ${n}`);
  const parent = Int32Array.from({length: n}, (_, i) => i);
  const size = new Int32Array(n).fill(1);
  const find = (x: number) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const [a, b] of edges) {
    if (!(a >= 0 && a < n && b >= 0 && b < n) || !Number.isInteger(a) || !Number.isInteger(b)) throw new Error(`invalid edge: ${a}-${b} (nodes are 0 to ${n - 1})`);
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) continue;
    if (size[ra] < size[rb]) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    size[ra] += size[rb];
  }
  const component = new Int32Array(n);
  const number = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let c = number.get(root);
    if (c === undefined) number.set(root, (c = number.size));
    component[i] = c;
  }
  return component;
}
