export interface ChangePart {
  id: string;
  previous: number;
  current: number;
}

export interface ChangeShare extends ChangePart {
  delta: number;
  /** delta / total delta: the part's share of the change (NaN when the total did not change). */
  share: number;
}

export interface Decomposition {
  previous: number;
  current: number;
  delta: number;
  /** current / previous − 1. */
  change: number;
  parts: ChangeShare[];
}

/**
 * Splits the change of a total into the changes of its additive parts: each part's delta and its share
 * of the total delta. Shares add up to 1; a part that fell has a negative share.
 */
export function decomposeChange(parts: readonly ChangePart[]): Decomposition {
  let previous = 0;
  let current = 0;
  for (const p of parts) {
    if (!Number.isFinite(p.previous) || !Number.isFinite(p.current)) throw new Error(`invalid part: ${p.id}`);
    previous += p.previous;
    current += p.current;
  }
  const delta = current - previous;
  return {
    previous,
    current,
    delta,
    change: previous > 0 ? current / previous - 1 : NaN,
    parts: parts.map((p) => ({...p, delta: p.current - p.previous, share: delta !== 0 ? (p.current - p.previous) / delta : NaN}))
  };
}
