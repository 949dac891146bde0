import {readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {Worker} from "node:worker_threads";
import type {WorkbookConfig} from "../src/config.js";
import type {TableName} from "../src/io/contracts.js";
import {encodeArrow} from "../src/io/arrow.js";
import {columnsToRows, rowsToColumns} from "../src/io/export.js";
import {EVENTS} from "../src/io/contracts.js";
import type {Columns, TableSchema} from "../src/io/schema.js";
import {DEFAULT_COSTS, DEFAULT_POLICY, summarizeActions} from "../src/detect/enforcementPolicy.js";
import {thresholdMetrics, weightedRates} from "../src/detect/threshold.js";
import {averagePrecision} from "../src/detect/averagePrecision.js";
import {summarizePipeline} from "../src/report/scienceSummary.js";
import {HEURISTIC_RULES} from "../src/detect/heuristicScore.js";
import {ALERT_DEFAULTS, monitorAlerts} from "../src/detect/monitorAlerts.js";
import {PSI_BANDS, PSI_EPSILON} from "../src/detect/psi.js";
import {incidentRecords} from "../src/report/monitoringIncidents.js";
import {buildReviewQueue, type FlagText, type ReviewQueue} from "../src/science/buildReviewQueue.js";
import type {ClusteredSnippets, Spread} from "../src/science/clusterSnippets.js";
import * as C from "../src/science/contracts.js";
import {featureDrift} from "../src/science/featureDrift.js";
import type {GraphNode, PlacedNode} from "../src/science/layoutGraph.js";
import {boundGraph} from "../src/science/boundGraph.js";
import {boundComponents, largestGroups, MAX_LISTED_ACCOUNTS, MAX_LISTED_GROUPS} from "../src/science/boundRows.js";
import {resolveAccounts, type AccountRow} from "../src/science/resolveAccounts.js";
import {annotateQueue, evaluateOnSample, scoreResolution, type AccountTruth} from "../src/science/evaluate.js";
import {CLUSTER_KS, MONITORED, RECENT_DAYS, SPLIT_DATE} from "../src/science/settings.js";
import {trainDetector, type CoreUserDay, type ScoredUserDay} from "../src/science/trainDetector.js";
import {MAX_SCORED_ROWS, sampleAccounts, type SampleSummary} from "../src/science/sampleAccounts.js";
import {measureLabelLeak} from "../src/science/labelLeak.js";
import {formatDate} from "../src/core/calendar.js";
import {createRng, type Rng} from "../src/core/random.js";
import {explainDay} from "../src/core/scenarios.js";
import {columnsToEvents} from "../src/core/knownEvents.js";
import type {DuckDB, Row} from "./_duckdb.js";

/**
 * The protection-science pipeline (docs/science/), run once per build on the world's published tables,
 * in the process that simulates the world (data-loaders/_writeWorld.ts), which caches every output: the
 * tables go into DuckDB, the SQL files in sql/ build the core tables, and the library in src/ does the
 * rest (detection, review queue, dedup and clustering, entity resolution, drift, incidents). The
 * loaders under data-loaders/science/, one per published file, copy their file from that cache.
 */

export const SQL_DIR = fileURLToPath(new URL("../sql", import.meta.url));
export const CORE_TABLES = ["core_users", "core_user_day", "core_day_metrics"] as const;

const arrow = (rows: readonly object[], schema: TableSchema) => encodeArrow(schema, rowsToColumns(rows as readonly Record<string, unknown>[], schema), null);
const json = (value: unknown) => JSON.stringify(value, (_, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v));
const round = (x: number, digits = 6) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);
const roundSpread = ({median, min, max, values}: Spread) => ({median: round(median), min: round(min), max: round(max), values: values.map((v) => round(v))});


/**
 * A worker thread for the two steps that need nothing else from the pipeline, k-means over the texts
 * and the layout of the entity graph (d3-force): they run on a second core while DuckDB, the detector
 * and entity resolution run on this one, and give the same results as on this thread. The worker loads
 * the library's TypeScript through tsx, as the loaders do.
 */
const WORKER_SOURCE = `
const {parentPort, workerData} = require("node:worker_threads");
const modules = import(workerData.tsx)
  .then(({register}) => register())
  .then(() => Promise.all([import(workerData.clusterSnippets), import(workerData.layoutGraph), import(workerData.random)]));
parentPort.on("message", ({id, task, args}) =>
  modules
    .then(([{clusterSnippets}, {layoutGraph}, {createRng}]) =>
      task === "cluster" ? clusterSnippets(args.texts, args.truth, {ks: args.ks, rng: createRng(args.rng).fork("kmeans")}) : layoutGraph(args.nodes, args.edges)
    )
    .then((result) => parentPort.postMessage({id, result}), (error) => parentPort.postMessage({id, error: String((error && error.stack) || error)}))
);
`;

interface Offload {
  /** clusterSnippets(texts, truth, {ks, rng: createRng(rng).fork("kmeans")}). */
  cluster(texts: readonly string[], truth: readonly string[], ks: readonly number[], rng: string): Promise<ClusteredSnippets>;
  layout(nodes: readonly GraphNode[], edges: readonly {source: string; target: string}[]): Promise<PlacedNode[]>;
  close(): Promise<number>;
}

function offload(): Offload {
  const url = (path: string) => new URL(path, import.meta.url).href;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {tsx: import.meta.resolve("tsx/esm/api"), clusterSnippets: url("../src/science/clusterSnippets.js"), layoutGraph: url("../src/science/layoutGraph.js"), random: url("../src/core/random.js")}
  });
  // A failure of the pipeline on this thread must not wait for the worker.
  worker.unref();
  const pending = new Map<number, {resolve: (value: never) => void; reject: (error: Error) => void}>();
  const fail = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on("message", ({id, result, error}: {id: number; result: never; error?: string}) => {
    const p = pending.get(id)!;
    pending.delete(id);
    if (error === undefined) p.resolve(result);
    else p.reject(new Error(`science worker: ${error}`));
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`science worker exited with code ${code}`)));
  let next = 0;
  const run = <T>(task: string, args: object): Promise<T> => {
    const id = next++;
    const result = new Promise<T>((resolve, reject) => pending.set(id, {resolve: resolve as (value: never) => void, reject}));
    // Awaited later: until then, a failure must not count as unhandled.
    result.catch(() => {});
    worker.postMessage({id, task, args});
    return result;
  };
  return {
    cluster: (texts, truth, ks, rng) => run("cluster", {texts, truth, ks, rng}),
    layout: (nodes, edges) => run("layout", {nodes, edges}),
    close: () => worker.terminate()
  };
}

type Scored = ScoredUserDay & {weight: number};

/**
 * The scored user-days the pages load: every one up to MAX_SCORED_ROWS, above it every account with an
 * abusive day and a hash sample of the others (src/science/sampleAccounts.ts). A sampled row's weight
 * carries the sampling too (accounts of the population it stands for), and sample_weight the cohort
 * user-days it stands for; the build's own figures use every row.
 */
function publishScored(scored: readonly Scored[], salt: string): {bytes: Uint8Array; summary: SampleSummary} {
  const sample = sampleAccounts(scored, MAX_SCORED_ROWS, salt);
  // The published sample weight is a 32-bit float: the population weight uses that same value.
  const rows = sample.rows.map((i, k) => ({...scored[i], weight: scored[i].weight * Math.fround(sample.sampleWeight[k]), sample_weight: Math.fround(sample.sampleWeight[k])}));
  return {bytes: arrow(rows, C.SCORED_USER_DAY), summary: sample.summary};
}

/** The model's figures on slices of the evaluation period where a detector is most likely to fail someone. */
function evaluationSlices(scored: readonly Scored[], userDayOf: ReadonlyMap<string, CoreUserDay>) {
  const ageOfRow = (d: Scored) => userDayOf.get(`${d.user_id}|${d.date}`)?.account_age_days ?? 9999;
  const chatsOfRow = (d: Scored) => userDayOf.get(`${d.user_id}|${d.date}`)?.chats ?? 0;
  const sliceDefs: [string, (d: Scored) => boolean][] = [
    ["Accounts younger than 30 days", (d) => ageOfRow(d) < 30],
    ["Accounts 30 days or older", (d) => ageOfRow(d) >= 30],
    ["Days with direct messages", (d) => chatsOfRow(d) > 0],
    ["Days without direct messages", (d) => chatsOfRow(d) === 0]
  ];
  return sliceDefs.map(([name, keep]) => {
    const rows = scored.filter(keep);
    const truthOf = rows.map((d) => d.truth_abusive);
    const m = thresholdMetrics(rows.map((d) => d.risk), truthOf, DEFAULT_POLICY.warn);
    return {slice: name, rows: rows.length, positives: truthOf.filter(Boolean).length, apModel: averagePrecision(rows.map((d) => d.risk), truthOf), apHeuristic: averagePrecision(rows.map((d) => d.heuristic), truthOf), precision: m.precision, recall: m.recall, falsePositiveRate: m.falsePositives / Math.max(1, rows.length - truthOf.filter(Boolean).length)};
  });
}

/** The import tables the pipeline starts from: without any of them it has no input, and publishes none (unavailableOutputs). */
export const PIPELINE_INPUTS = ["events", "users", "cohort"] as const;

/** The Arrow outputs' contracts, for the empty files of a build whose data lacks the pipeline's inputs. */
const ARROW_OUTPUTS: Record<string, TableSchema> = {
  "core_day_metrics.arrow": C.CORE_DAY_METRICS, "core_user_day.arrow": C.CORE_USER_DAY, "core_user_day_week.arrow": C.CORE_USER_DAY, "core_users.arrow": C.CORE_USERS,
  "dedup_groups.arrow": C.DEDUP_GROUPS, "er_accounts.arrow": C.ER_ACCOUNTS, "er_links.arrow": C.ER_LINKS, "event_counts.arrow": C.EVENT_COUNTS, "events_sample.arrow": EVENTS,
  "review_links.arrow": C.REVIEW_LINKS, "review_queue.arrow": C.REVIEW_QUEUE, "review_snippets.arrow": C.REVIEW_SNIPPETS, "scored_user_day.arrow": C.SCORED_USER_DAY
};

/**
 * The outputs of a pipeline that has no input (an import without the event log, its accounts or the
 * cohort): every JSON file null and every Arrow file empty, so each science page says what it needs.
 */
export function unavailableOutputs(files: readonly string[]): Record<string, string | Uint8Array> {
  return Object.fromEntries(files.map((file) => {
    const schema = ARROW_OUTPUTS[file];
    if (!file.endsWith(".arrow")) return [file, "null"];
    if (!schema) throw new Error(`science: no contract for ${file}`);
    return [file, encodeArrow({...schema, mayBeEmpty: true}, Object.fromEntries(schema.columns.map((c) => [c.name, []])), null)];
  }));
}

/** The pipeline's outputs; `query` runs SQL over a database holding at least the published events and users. */
export async function runPipeline(config: WorkbookConfig, tables: Record<TableName, Columns>, query: DuckDB["query"]): Promise<Record<string, string | Uint8Array>> {
  const worker = offload();
  try {
    return await pipeline(config, tables, worker, query);
  } finally {
    await worker.close();
  }
}

type Out = Record<string, string | Uint8Array>;
type Cohort = {user_id: string; stratum: string; weight: number}[];
type Users = (AccountRow & AccountTruth & {signup_date: string})[];
type Resolution = ReturnType<typeof resolveAccounts>;

/** What entity resolution found, with its evaluation and the summary er.json reads. */
interface Entities {
  users: Users;
  er: Resolution;
  componentOf: (id: string) => {component: number; size: number} | undefined;
  linked: {u: Users[number]; i: number}[];
  scores: ReturnType<typeof scoreResolution>;
  sample: ReturnType<typeof evaluateOnSample>;
  summary: Record<string, unknown>;
}

/** The SQL core tables, built by DuckDB. */
interface Core {
  sql: {name: string; file: string; sql: string; rows: number; columns: string[]}[];
  userDays: CoreUserDay[];
  days: {date: string; policy_blocks: number; chats: number; uploads: number; active_users: number}[];
  userDayOf: Map<string, CoreUserDay>;
}

/** The detector and its scored user-days, as published (32-bit floats). */
interface Detection {
  detector: ReturnType<typeof trainDetector>;
  scored: Scored[];
  truth: boolean[];
  ap: {heuristic: number; model: number};
  apCohort: {heuristic: number; model: number};
  atThresholdPopulation: ReturnType<typeof weightedRates>;
  labelLeak: ReturnType<typeof measureLabelLeak>;
  sample: SampleSummary;
}

async function pipeline(config: WorkbookConfig, tables: Record<TableName, Columns>, worker: Offload, query: DuckDB["query"]): Promise<Out> {
  const out: Out = {};
  const rng = createRng(`${config.seed}/science`);
  // Dedup and clustering needs only the texts: it starts at once, on the worker.
  const clusteredLater = worker.cluster(Array.from(tables.snippets.snippet as ArrayLike<string>), Array.from(tables.snippets.template_group as ArrayLike<string>), CLUSTER_KS, `${config.seed}/science`);
  const cohort = columnsToRows<Cohort[number]>(tables.cohort);
  out["event_counts.arrow"] = eventCounts(tables.events);
  out["events_sample.arrow"] = eventsSample(tables.events, cohort);
  // Entity resolution comes before the queue, which shows linked accounts, and before the SQL, so
  // that the worker lays out its graph while DuckDB runs.
  const entities = resolveEntities(config, tables, out);
  const drawn = entityGraph(entities);
  const placedLater = worker.layout(drawn.nodes, drawn.edges);
  const core = await coreTables(query, out);
  // Monitoring alerts at the default settings, for the incident records (the monitoring page
  // recomputes them live from core_day_metrics with the same function).
  const alerts = monitorAlerts(core.days, MONITORED, ALERT_DEFAULTS);
  const detection = detect(config, rng, core.userDays, cohort, out);
  const {queue, snippets} = reviewQueue(tables, cohort, detection.scored, core.userDayOf, entities, out);
  const clustered = await clusteredLater;
  dedupFiles(clustered, snippets, out);
  const drift = featureDrift(core.userDays, {splitDate: SPLIT_DATE, recentDays: RECENT_DAYS});
  out["drift.json"] = json({epsilon: PSI_EPSILON, bands: PSI_BANDS, ...drift});
  const knownEvents = columnsToEvents(tables.known_events);
  const incidents = incidentRecords({alerts, days: core.days, userDays: core.userDays, componentOf: entities.componentOf, explain: (date) => explainDay(date, knownEvents)});
  out["incidents.json"] = json(incidents);
  out["model.json"] = json(modelFacts(config, detection, evaluationSlices(detection.scored, core.userDayOf), queue));
  out["er.json"] = json(entityFacts(entities, drawn, await placedLater));
  const headline = headlineFigures(detection, clustered, drift);
  const summary = summarizePipeline(pipelineFigures({tables, cohort, entities, core, alerts, detection, queue, clustered, drift, incidents, headline}));
  out["summary.json"] = json({...summary, figures: datasheetFigures(headline, clustered, entities), data: dataFacts(tables, cohort, entities, core, snippets.length)});
  return out;
}

/** Events per day and type, with how many were abusive. */
function eventCounts(ev: Columns): Uint8Array {
  const types = ev.event_type as ArrayLike<string>;
  // Counts by day, then by type: no key string to build per event.
  const counts = new Map<string, Map<string, {date: string; event_type: string; events: number; abusive: number}>>();
  for (let i = 0; i < ev.event_id.length; i++) {
    const date = formatDate(ev.ts[i] as number);
    let byType = counts.get(date);
    if (!byType) counts.set(date, (byType = new Map()));
    let c = byType.get(types[i]);
    if (!c) byType.set(types[i], (c = {date, event_type: types[i], events: 0, abusive: 0}));
    c.events++;
    if (ev.abusive[i]) c.abusive++;
  }
  return arrow([...counts.values()].flatMap((byType) => [...byType.values()]).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.event_type < b.event_type ? -1 : 1)), C.EVENT_COUNTS);
}

/** The complete event log of a small sample of accounts: up to five per cohort stratum, evenly spaced by id. */
function eventsSample(ev: Columns, cohort: Cohort): Uint8Array {
  const sampleUsers = new Set<string>();
  for (const stratum of ["ring", "abusive", "benign_new", "benign_established"]) {
    const members = cohort.filter((c) => c.stratum === stratum).map((c) => c.user_id).sort();
    for (let k = 0; k < Math.min(5, members.length); k++) sampleUsers.add(members[Math.floor(((k + 0.5) * members.length) / Math.min(5, members.length))]);
  }
  const sampleRows: number[] = [];
  for (let i = 0; i < ev.event_id.length; i++) if (sampleUsers.has(ev.user_id[i] as string)) sampleRows.push(i);
  const sample: Columns = {};
  for (const spec of EVENTS.columns) sample[spec.name] = sampleRows.map((i) => ev[spec.name][i]) as never;
  return encodeArrow(EVENTS, sample, null);
}

/** Links accounts by shared devices, IP prefixes and payments; writes the listed accounts and links, and scores the result. */
function resolveEntities(config: WorkbookConfig, tables: Record<TableName, Columns>, out: Out): Entities {
  const ev = tables.events;
  const users = columnsToRows<Users[number]>(tables.users);
  const er = resolveAccounts(users, {user_id: ev.user_id as ArrayLike<string>, device_id: ev.device_id as ArrayLike<string>, ip_prefix: ev.ip_prefix as ArrayLike<string>, payment_id: ev.payment_id as ArrayLike<string | null>});
  const {component, sizes, shared} = er.resolution;
  const userIndex = new Map(users.map((u, i) => [u.user_id, i]));
  const componentOf = (id: string) => {
    const i = userIndex.get(id);
    return i === undefined ? undefined : {component: component[i], size: sizes[component[i]]};
  };
  const linksOf = new Int32Array(users.length);
  for (const s of shared) for (const a of s.accounts) linksOf[a]++;
  const linked = users.map((u, i) => ({u, i})).filter(({i}) => sizes[component[i]] >= 2);
  // The page lists whole components, largest first, up to a budget of accounts, with every link of
  // theirs (an identifier links accounts of one component only); its cards read the summary's totals.
  const listed = boundComponents(linked.map(({i}) => component[i]), MAX_LISTED_ACCOUNTS, "account");
  out["er_accounts.arrow"] = arrow(listed.rows.map((r) => linked[r]).map(({u, i}) => ({user_id: u.user_id, component_id: component[i], component_size: sizes[component[i]], links: linksOf[i], truth_actor_type: u.actor_type, truth_ring_id: u.ring_id})), C.ER_ACCOUNTS);
  const erLinks = shared.filter((s) => listed.kept.has(component[s.accounts[0]])).flatMap((s) => s.accounts.map((a) => ({user_id: users[a].user_id, component_id: component[a], via: s.kind, identifier: s.identifier, fanout: s.accounts.length})));
  out["er_links.arrow"] = arrow(erLinks, C.ER_LINKS);
  // Evaluation: against the true rings over every account (the cohort's event log covers every ring
  // member, which flatters it), and on a hash sample of the population with its linked accounts.
  const scores = scoreResolution(er, users);
  const sample = evaluateOnSample(er.resolution, users, {salt: `${config.seed}/science/er-sample`});
  const summary = {
    maxIpFanout: er.maxIpFanout,
    observations: er.observations,
    accounts: users.length,
    linkedAccounts: linked.length,
    components: sizes.filter((s) => s >= 2).length,
    candidateRings: sizes.filter((s) => s >= 3).length,
    sharedIdentifiers: shared.length,
    skippedPrefixes: er.resolution.skippedPrefixes,
    agreement: scores.agreement,
    sensitivity: scores.sensitivity,
    populationSample: sample,
    fanout: er.fanout,
    rings: columnsToRows<{ring_id: string; purpose: string; accounts: number}>(tables.rings)
  };
  return {users, er, componentOf, linked, scores, sample, summary};
}

/**
 * The graph of the candidate rings (components of 3 or more accounts), accounts and shared identifiers,
 * bounded to whole components up to a node budget (the layout's cost grows faster than the graph).
 */
function entityGraph({users, er, linked}: Entities): ReturnType<typeof boundGraph> {
  const {component, sizes, shared} = er.resolution;
  const big = (a: number) => sizes[component[a]] >= 3;
  const nodes: GraphNode[] = [];
  const edges: {source: string; target: string}[] = [];
  for (const {u, i} of linked) if (big(i)) nodes.push({id: u.user_id, kind: "account", component: component[i]});
  for (const s of shared) {
    if (!big(s.accounts[0])) continue;
    const id = `${s.kind}:${s.identifier}`;
    nodes.push({id, kind: s.kind, component: component[s.accounts[0]]});
    for (const a of s.accounts) edges.push({source: id, target: users[a].user_id});
  }
  return boundGraph(nodes, edges);
}

/** The SQL core tables, built by DuckDB from the files in sql/, with the SQL itself for the page. */
async function coreTables(query: DuckDB["query"], out: Out): Promise<Core> {
  const sql: Core["sql"] = [];
  const core: Record<string, Row[]> = {};
  const duckdbVersion = String((await query("SELECT version() AS v"))[0].v);
  for (const name of CORE_TABLES) {
    const text = readFileSync(join(SQL_DIR, `${name}.sql`), "utf8");
    core[name] = await query(text);
    sql.push({name, file: `sql/${name}.sql`, sql: text, rows: core[name].length, columns: Object.keys(core[name][0] ?? {})});
  }
  out["core_users.arrow"] = arrow(core.core_users, C.CORE_USERS);
  out["core_user_day.arrow"] = arrow(core.core_user_day, C.CORE_USER_DAY);
  out["core_day_metrics.arrow"] = arrow(core.core_day_metrics, C.CORE_DAY_METRICS);
  const userDays = core.core_user_day as unknown as CoreUserDay[];
  const lastDate = userDays.reduce((m, r) => (r.date > m ? r.date : m), "");
  const weekFrom = new Date(Date.parse(`${lastDate}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
  out["core_user_day_week.arrow"] = arrow(userDays.filter((r) => r.date >= weekFrom), C.CORE_USER_DAY);
  out["sql.json"] = json({duckdbVersion, tables: sql});
  return {sql, userDays, days: core.core_day_metrics as unknown as Core["days"], userDayOf: new Map(userDays.map((r) => [`${r.user_id}|${r.date}`, r]))};
}

/** Trains the detector on the user-days, scores them, and measures it (weighted to the population and on the cohort). */
function detect(config: WorkbookConfig, rng: Rng, userDays: CoreUserDay[], cohort: Cohort, out: Out): Detection {
  const detector = trainDetector(userDays, {splitDate: SPLIT_DATE, rng: rng.fork("bootstrap")});
  // Scores as published (32-bit floats): every later step and figure uses exactly what the pages load.
  // Each user-day carries its account's cohort weight: the cohort over-samples rings and new accounts,
  // so headline figures are weighted back to the population, with the cohort's beside them.
  const cohortWeight = new Map(cohort.map((c) => [c.user_id, c.weight]));
  const scored = detector.scored.map((s) => ({...s, heuristic: Math.fround(s.heuristic), risk: Math.fround(s.risk), risk_lo: Math.fround(s.risk_lo), risk_hi: Math.fround(s.risk_hi), weight: cohortWeight.get(s.user_id) ?? 1}));
  const truth = scored.map((s) => s.truth_abusive);
  const weight = scored.map((s) => s.weight);
  const ap = {heuristic: averagePrecision(scored.map((s) => s.heuristic), truth, weight), model: averagePrecision(scored.map((s) => s.risk), truth, weight)};
  const apCohort = {heuristic: averagePrecision(scored.map((s) => s.heuristic), truth), model: averagePrecision(scored.map((s) => s.risk), truth)};
  const atThresholdPopulation = weightedRates(scored.map((d) => d.risk), truth, weight, DEFAULT_POLICY.warn);
  const labelLeak = measureLabelLeak(userDays, {splitDate: SPLIT_DATE, weights: weight, ap, rng: rng.fork("bootstrap-posted")});
  const published = publishScored(scored, `${config.seed}/science/sample`);
  out["scored_user_day.arrow"] = published.bytes;
  return {detector, scored, truth, ap, apCohort, atThresholdPopulation, labelLeak, sample: published.summary};
}

/** The review queue, enriched with recent flagged texts and linked accounts, and annotated with its truth. */
function reviewQueue(tables: Record<TableName, Columns>, cohort: Cohort, scored: Scored[], userDayOf: Core["userDayOf"], entities: Entities, out: Out) {
  const flags = columnsToRows<{flag_id: number; date: string; actor_id: string; category: string}>({flag_id: tables.flags.flag_id, date: tables.flags.date, actor_id: tables.flags.actor_id, category: tables.flags.category});
  const flagById = new Map(flags.map((f) => [f.flag_id, f]));
  const snippets = columnsToRows<{flag_id: number; template_group: string; snippet: string}>(tables.snippets);
  const cohortIds = new Set(cohort.map((c) => c.user_id));
  const texts: FlagText[] = [];
  for (const s of snippets) {
    const f = flagById.get(s.flag_id)!;
    if (cohortIds.has(f.actor_id)) texts.push({flag_id: s.flag_id, date: f.date, actor_id: f.actor_id, category: f.category, snippet: s.snippet});
  }
  const {users} = entities;
  const queue = buildReviewQueue({
    scored,
    ageOf: (u, d) => userDayOf.get(`${u}|${d}`)?.account_age_days ?? null,
    texts,
    componentOf: entities.componentOf,
    shared: entities.er.resolution.shared,
    accountId: (a) => users[a].user_id
  });
  const actorType = new Map(users.map((u) => [u.user_id, u.actor_type]));
  const templateGroup = new Map(snippets.map((s) => [s.flag_id, s.template_group]));
  const annotated = annotateQueue(queue, {actorTypeOf: (u) => actorType.get(u) ?? "benign", templateGroupOf: (f) => templateGroup.get(f) ?? ""});
  out["review_queue.arrow"] = arrow(annotated.cases.map((c) => ({...c, priority: round(c.priority), risk: round(c.risk), risk_lo: round(c.risk_lo), risk_hi: round(c.risk_hi), heuristic: round(c.heuristic)})), C.REVIEW_QUEUE);
  out["review_snippets.arrow"] = arrow(annotated.snippets, C.REVIEW_SNIPPETS);
  out["review_links.arrow"] = arrow(queue.links, C.REVIEW_LINKS);
  return {queue, snippets};
}

/** Dedup and clustering of the queue's texts: the listed groups, and the totals the cards read (clusters.json). */
function dedupFiles(clustered: ClusteredSnippets, snippets: {flag_id: number; template_group: string; snippet: string}[], out: Out): void {
  // The page lists the largest groups and every group that k-means clustered (its examples).
  out["dedup_groups.arrow"] = arrow(
    largestGroups(clustered.sizes, MAX_LISTED_GROUPS, clustered.items).map((g) => {
      const i = clustered.representatives[g];
      return {group_id: g, hash: clustered.keys[g], size: clustered.sizes[g], flag_id: snippets[i].flag_id, snippet: snippets[i].snippet, normalized: clustered.normalized[g], truth_template_group: snippets[i].template_group};
    }),
    C.DEDUP_GROUPS
  );
  out["clusters.json"] = json({
    texts: clustered.texts,
    distinct: clustered.distinct,
    duplicateShare: clustered.duplicateShare,
    nearDuplicate: {...clustered.nearDuplicate, share: round(clustered.nearDuplicate.share)},
    vocabulary: clustered.vocabulary,
    clustered: clustered.clustered,
    items: clustered.items,
    restarts: clustered.restarts,
    chosenK: clustered.chosenK,
    stability: {...clustered.stability, ...Object.fromEntries((["purity", "purityAll", "silhouette"] as const).map((f) => [f, roundSpread(clustered.stability[f])]))},
    results: clustered.results.map((r) => ({...r, inertia: round(r.inertia, 3), silhouette: round(r.silhouette), purity: round(r.purity), purityAll: round(r.purityAll)})),
    labels: clustered.labels
  });
}

/** The model's facts (model.json), for the detection page and the model card. */
function modelFacts(config: WorkbookConfig, d: Detection, slices: ReturnType<typeof evaluationSlices>, queue: ReviewQueue) {
  const {detector} = d;
  return {
    splitDate: SPLIT_DATE,
    C: detector.C,
    iterations: detector.iterations,
    converged: detector.converged,
    bootstraps: detector.bootstraps,
    coverage: detector.coverage,
    intercept: detector.intercept,
    features: detector.features,
    train: detector.train,
    test: detector.test,
    averagePrecision: d.ap,
    averagePrecisionCohort: d.apCohort,
    labelLeak: d.labelLeak,
    atThresholdPopulation: d.atThresholdPopulation,
    slices,
    sample: d.sample,
    heuristicRules: HEURISTIC_RULES.map((r) => ({name: r.name, description: r.description, max: r.max})),
    policy: DEFAULT_POLICY,
    costs: DEFAULT_COSTS,
    queue: {from: queue.from, to: queue.to, candidates: queue.candidates, cases: queue.cases.length},
    alertDefaults: ALERT_DEFAULTS,
    monitored: MONITORED,
    config: {seed: config.seed, scale: config.scale}
  };
}

/** er.json: the resolution's summary and the entity graph as laid out on the worker, with each account's truth. */
function entityFacts({users, summary}: Entities, drawn: ReturnType<typeof boundGraph>, placed: PlacedNode[]) {
  const truthRing = new Map(users.map((u) => [u.user_id, u.ring_id]));
  const actorType = new Map(users.map((u) => [u.user_id, u.actor_type]));
  return {
    ...summary,
    graph: {
      nodes: placed.map((n) => ({...n, ring: n.kind === "account" ? truthRing.get(n.id) ?? null : null, actor: n.kind === "account" ? actorType.get(n.id) : null})),
      edges: drawn.edges,
      shownComponents: drawn.shownComponents,
      totalComponents: drawn.totalComponents,
      totalNodes: drawn.totalNodes,
      maxNodes: drawn.maxNodes
    }
  };
}

/** The figures both the executive summary and the datasheet use: the detector at the warn threshold, the chosen k, the top drift. */
function headlineFigures({scored, truth}: Detection, {chosenK, stability}: ClusteredSnippets, drift: ReturnType<typeof featureDrift>) {
  return {
    evalDays: new Set(scored.map((d) => d.date)).size,
    atThreshold: thresholdMetrics(scored.map((d) => d.risk), truth, DEFAULT_POLICY.warn),
    uncertain: scored.filter((d) => d.risk_lo < DEFAULT_POLICY.warn && d.risk_hi >= DEFAULT_POLICY.warn).length,
    enforcement: summarizeActions(scored.map((d) => ({...d, truth: d.truth_abusive})), DEFAULT_POLICY, DEFAULT_COSTS),
    chosenK: {k: chosenK, purity: stability.purity.median, purityMin: stability.purity.min, purityMax: stability.purity.max, purityAll: stability.purityAll.median, silhouette: stability.silhouette.median, runs: stability.runs},
    topDrift: [...drift.features].sort((a, b) => b.psi - a.psi)[0]
  };
}

/** The figures the executive summary is written from (summarizePipeline's input). */
function pipelineFigures(p: {tables: Record<TableName, Columns>; cohort: Cohort; entities: Entities; core: Core; alerts: ReturnType<typeof monitorAlerts>; detection: Detection; queue: ReviewQueue; clustered: ClusteredSnippets; drift: ReturnType<typeof featureDrift>; incidents: ReturnType<typeof incidentRecords>; headline: ReturnType<typeof headlineFigures>}): Parameters<typeof summarizePipeline>[0] {
  const {core, detection, queue, clustered, drift, entities} = p;
  const {detector, ap, apCohort} = detection;
  const {evalDays, atThreshold, uncertain, enforcement, chosenK, topDrift} = p.headline;
  const severities = {high: 0, medium: 0, low: 0};
  for (const a of p.alerts) severities[a.severity]++;
  return {
    period: {from: core.days[0].date, to: core.days[core.days.length - 1].date},
    events: p.tables.events.event_id.length,
    cohort: p.cohort.length,
    userDays: core.userDays.length,
    alerts: severities,
    incidents: p.incidents.map((i) => ({id: i.id, title: i.title, hypothesis: i.hypothesis, end: i.end, lastDue: i.actions.reduce((d, x) => (x.due > d ? x.due : d), i.end)})),
    detection: {apHeuristic: ap.heuristic, apModel: ap.model, apHeuristicCohort: apCohort.heuristic, apModelCohort: apCohort.model, atThresholdPopulation: detection.atThresholdPopulation, trainFrom: detector.train.from, trainTo: detector.train.to, testFrom: detector.test.from, testTo: detector.test.to, testRows: detector.test.rows, prevalence: detector.test.positives / detector.test.rows, threshold: DEFAULT_POLICY.warn, atThreshold, uncertain, evalDays},
    queue: {cases: queue.cases.length, candidates: queue.candidates, abusiveShare: queue.cases.filter((c) => c.truth_abusive).length / Math.max(1, queue.cases.length), escalated: queue.cases.filter((c) => c.suggested_action === "escalate").length, from: queue.from, to: queue.to},
    dedup: {texts: clustered.texts, distinct: clustered.distinct, share: clustered.duplicateShare, nearShare: clustered.nearDuplicate.share},
    clustering: {k: chosenK.k, purity: chosenK.purity, purityMin: chosenK.purityMin, purityMax: chosenK.purityMax, silhouette: chosenK.silhouette, runs: chosenK.runs},
    entities: {ari: entities.scores.agreement.ari, precision: entities.scores.agreement.precision, recall: entities.scores.agreement.recall, sample: entities.sample, candidateRings: entities.er.resolution.sizes.filter((x) => x >= 3).length, trueRings: p.tables.rings.ring_id.length, linkedAccounts: entities.linked.length},
    enforcement,
    drift: {feature: topDrift.feature, label: topDrift.label, psi: topDrift.psi, band: topDrift.band, significant: drift.features.filter((f) => f.band === "significant").map((f) => f.label)}
  };
}

/** The datasheet's headline figures (summary.json's `figures`). */
function datasheetFigures(headline: ReturnType<typeof headlineFigures>, clustered: ClusteredSnippets, entities: Entities) {
  const {evalDays, atThreshold, uncertain, enforcement, chosenK, topDrift} = headline;
  return {
    atThreshold,
    uncertain,
    evalDays,
    enforcement,
    clustering: chosenK,
    dedupShare: clustered.duplicateShare,
    nearDuplicate: clustered.nearDuplicate,
    ari: entities.scores.agreement.ari,
    ariSample: entities.sample.ari,
    erLinkPrecision: entities.sample.accounts.precision,
    topDrift: {feature: topDrift.feature, label: topDrift.label, psi: topDrift.psi}
  };
}

/** What the data holds (summary.json's `data`): period, events by type, cohort strata, accounts, rings, texts, user-days, core tables. */
function dataFacts(tables: Record<TableName, Columns>, cohort: Cohort, {users}: Entities, core: Core, snippets: number) {
  const ev = tables.events;
  const types = ev.event_type as ArrayLike<string>;
  const typeCounts: Record<string, number> = {};
  for (let i = 0; i < ev.event_id.length; i++) typeCounts[types[i]] = (typeCounts[types[i]] ?? 0) + 1;
  const strata: Record<string, number> = {};
  for (const c of cohort) strata[c.stratum] = (strata[c.stratum] ?? 0) + 1;
  return {
    period: {from: core.days[0].date, to: core.days[core.days.length - 1].date},
    events: ev.event_id.length,
    eventTypes: typeCounts,
    abusiveEvents: Array.from(ev.abusive as ArrayLike<boolean>).filter(Boolean).length,
    cohort: cohort.length,
    strata,
    accounts: users.length,
    rings: tables.rings.ring_id.length,
    ringAccounts: users.filter((u) => u.ring_id !== null).length,
    snippets,
    userDays: core.userDays.length,
    abusiveUserDays: core.userDays.filter((r) => r.truth_abusive).length,
    coreTables: core.sql.map((t) => ({name: t.name, rows: t.rows, columns: t.columns.length}))
  };
}