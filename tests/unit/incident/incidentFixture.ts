/** The incident tests' flags: a quiet month, then a push of wrongful auto-blocks (shared by analyseIncident's and reviewIncident's tests). */
export const H = 3_600_000;
export const spec = {id: "INC-T", title: "Test push", category: "nudity", start: "2025-03-30T09:00:00Z", end: "2025-03-30T21:00:00Z"};
export const options = {baselineDays: 28, detectorWindow: 14, detectorK: 3};

/**
 * 29 quiet days (from 2025-03-01) of two correct nudity auto-blocks (scores 0.95, 0.97) and one benign
 * AI flag dismissed at 0.3; then, during the push, three benign auto-blocks (two appealed, one of them
 * overturned) and one correct one; and a benign spam auto-block that belongs to no incident.
 */
export function fixture() {
  const f: Record<string, unknown[]> = {flag_id: [], ts: [], date: [], category: [], route: [], ml_score: [], is_violation: [], source: [], actor_id: [], country: [], action: [], appealed: [], appeal_ts: [], overturned: []};
  let id = 0;
  const add = (ts: number, violation: boolean, score: number, route: string, {appealed = false, overturned = false, category = "nudity"} = {}) => {
    const values: Record<string, unknown> = {flag_id: id++, ts, date: new Date(ts).toISOString().slice(0, 10), category, route, ml_score: score, is_violation: violation, source: "ai", actor_id: `U${id}`, country: id % 2 ? "Brazil" : "Nigeria", action: route === "auto_block" ? "removal" : "none", appealed, appeal_ts: appealed ? ts + 30 * H : null, overturned};
    for (const k of Object.keys(f)) f[k].push(values[k]);
  };
  const day0 = Date.parse("2025-03-01T12:00:00Z");
  for (let d = 0; d < 29; d++) {
    add(day0 + d * 24 * H, true, 0.95, "auto_block");
    add(day0 + d * 24 * H + H, true, 0.97, "auto_block");
    add(day0 + d * 24 * H + 2 * H, false, 0.3, "auto_dismiss");
  }
  const push = Date.parse(spec.start);
  add(push + 2 * H, false, 0.96, "auto_block", {appealed: true, overturned: true});
  add(push + 3 * H, false, 0.97, "auto_block", {appealed: true});
  add(push + 5 * H, false, 0.99, "auto_block");
  add(push + 6 * H, true, 0.98, "auto_block");
  add(push + 7 * H, false, 0.99, "auto_block", {category: "spam"});
  return {flags: f as never};
}
