import {spikes} from "../detect/rollingZ.js";
import {median} from "../core/quantile.js";
import type {TableName} from "../io/contracts.js";
import type {Columns} from "../io/schema.js";
import {addDays, dateRange, dayOfWeek, OPS_START} from "../core/calendar.js";
import {END_DATE} from "../core/constants.js";

/**
 * The reference systems' headline figures, measured on the published tables. The calibration tests
 * assert them at the default seed; scripts/calibration.ts prints them for other seeds.
 */

export interface Figure {
  id: number;
  name: string;
  value: number | string;
  target: string;
  pass: boolean;
}

type Tables = Record<TableName, Columns>;
const col = <T = unknown>(t: Columns, name: string) => t[name] as ArrayLike<T>;
const within = (x: number, lo: number, hi: number) => x >= lo && x <= hi;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

const APAC = "APAC";

const figure = (id: number, name: string, value: number | string, target: string, pass: boolean): Figure => ({id, name, value, target, pass});
const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;

/** The rows the figures read: APAC's daily country rows, every flag, and the flags of the T&S ops dashboard's window. */
interface Rows {
  tables: Tables;
  dc: Columns;
  apac: number[];
  /** Sum of a daily_country column over rows. */
  sum: (name: string, rows: number[]) => number;
  fn: number;
  fr: number[];
  fcol: <T = unknown>(name: string) => ArrayLike<T>;
  ops: number[];
  dates: string[];
}

/** Flags per day, and the days with attack flags. */
interface FlagDays {
  dailyAll: Map<string, number>;
  attackDays: Set<string>;
}

export function calibrationFigures(tables: Tables): Figure[] {
  const rows = calibrationRows(tables);
  const days = flagDays(rows);
  return [...apacRates(rows), ...categoryFigures(rows), ...apacPatterns(rows), ...opsFigures(rows), ...seasonality(rows, days), ...attackFigures(rows, days)];
}

function calibrationRows(tables: Tables): Rows {
  const dc = tables.daily_country;
  const n = col(dc, "date").length;
  const apac = Array.from({length: n}, (_, i) => i).filter((i) => col(dc, "region")[i] === APAC);
  const sum = (name: string, rows: number[]) => rows.reduce((s, i) => s + (col<number>(dc, name)[i] || 0), 0);
  const f = tables.flags;
  const fn = col(f, "flag_id").length;
  const fr = Array.from({length: fn}, (_, i) => i);
  const fcol = <T = unknown>(name: string) => col<T>(f, name);
  // The T&S ops dashboard: the last 90 days, all regions.
  const ops = fr.filter((i) => String(fcol("date")[i]) >= OPS_START);
  return {tables, dc, apac, sum, fn, fr, fcol, ops, dates: dateRange()};
}

/** The APAC KPI dashboard's APAC rates: reports per content, enforcements per report, monthly median response time (figures 1 to 3). */
function apacRates({dc, apac, sum}: Rows): Figure[] {
  const reportRate = sum("reports", apac) / sum("content_created", apac);
  const enforcementRate = sum("enforcements", apac) / sum("reports", apac);
  const monthly = (month: string) => median(apac.filter((i) => String(col(dc, "date")[i]).startsWith(month)).map((i) => col<number>(dc, "median_response_time_hours")[i]));
  const march = monthly("2025-03");
  const august = monthly("2025-08");
  return [
    figure(1, "APAC reports / content created", round(100 * reportRate, 3), "1.2% ± 0.2 pp", within(reportRate, 0.01, 0.014)),
    figure(2, "APAC enforcements / reports", round(100 * enforcementRate, 1), "73% ± 3 pp", within(enforcementRate, 0.7, 0.76)),
    figure(3, "APAC monthly median response time, March → August (h)", `${round(march, 1)} → ${round(august, 1)}`, "18 → 14 h, ± 1 h each", within(march, 17, 19) && within(august, 13, 15))
  ];
}

/** The categories: July's misinformation event, child safety's handling, each category's source mix (figures 4 to 6). */
function categoryFigures({dc, apac, sum, fn, fr, fcol}: Rows): Figure[] {
  const share = (rows: number[], k: string) => sum(`reports_${k}`, rows) / sum("reports", rows);
  const inMonths = (months: string[]) => apac.filter((i) => months.some((m) => String(col(dc, "date")[i]).startsWith(m)));
  const julyShare = share(inMonths(["2025-07"]), "misinformation");
  const baseShare = share(inMonths(["2025-03", "2025-04", "2025-05", "2025-06"]), "misinformation");
  const julyMisinfo = fr.filter((i) => fcol("region")[i] === APAC && fcol("category")[i] === "misinformation" && String(fcol("date")[i]).startsWith("2025-07"));
  const userShare = julyMisinfo.filter((i) => fcol("source")[i] === "user").length / julyMisinfo.length;
  const enforcedJuly = julyMisinfo.filter((i) => fcol("action")[i] !== "none");
  const downrankShare = enforcedJuly.filter((i) => fcol("action")[i] === "downrank").length / enforcedJuly.length;
  const child = fr.filter((i) => fcol("category")[i] === "child_safety");
  const childShare = child.length / fn;
  const childActions = new Set(child.map((i) => fcol<string>("action")[i]).filter((a) => a !== "none"));
  const childOverturned = child.filter((i) => fcol("overturned")[i]).length;
  const childAppealed = child.filter((i) => fcol("appealed")[i]).length;
  const sourceMix = (k: string) => {
    const rows = fr.filter((i) => fcol("category")[i] === k);
    const by = (s: string) => rows.filter((i) => fcol("source")[i] === s).length / rows.length;
    return {user: by("user"), ai: by("ai"), tf: by("trusted_flagger")};
  };
  const spam = sourceMix("spam");
  const nudity = sourceMix("nudity");
  const harassment = sourceMix("harassment_hate");
  const misinfo = sourceMix("misinformation");
  return [
    figure(4, "July misinformation share vs Mar–Jun; user-reported; downranked", `${round(julyShare / baseShare, 2)}x; ${round(100 * userShare, 0)}% user; ${round(100 * downrankShare, 0)}% downrank`, ">= 2x, mostly user, mostly downrank", julyShare >= 2 * baseShare && userShare > 0.5 && downrankShare > 0.5),
    figure(5, "child safety: share; actions; appeal success", `${round(100 * childShare, 2)}%; ${[...childActions].sort().join("+")}; ${childOverturned}/${childAppealed}`, "rare; removal/suspension only; 0", childShare < 0.02 && [...childActions].every((a) => a === "removal" || a === "suspension") && childOverturned === 0),
    figure(6, "source mix: spam AI, nudity AI, harassment user+TF, misinfo user", `${round(100 * spam.ai, 0)}%, ${round(100 * nudity.ai, 0)}%, ${round(100 * (harassment.user + harassment.tf), 0)}%, ${round(100 * misinfo.user, 0)}%`, "each > 50%", spam.ai > 0.5 && nudity.ai > 0.5 && harassment.user + harassment.tf > 0.5 && misinfo.user > 0.5)
  ];
}

/** APAC's spread of appeal success across countries and its spam surge days (figures 7 and 8). */
function apacPatterns({dc, apac, sum, dates}: Rows): Figure[] {
  const countries = [...new Set(apac.map((i) => String(col(dc, "country")[i])))];
  const success = countries.map((c) => {
    const rows = apac.filter((i) => col(dc, "country")[i] === c);
    return sum("successful_appeals", rows) / sum("appeals", rows);
  });
  const spread = Math.max(...success) / Math.min(...success);
  const spamDaily = dates.map((d) => sum("reports_spam", apac.filter((i) => col(dc, "date")[i] === d)));
  let surgeDays = 0;
  spamDaily.forEach((v, d) => {
    if (d < 7) return;
    // A day without spam reports is no surge, even after a week without any (a zero median).
    if (v > 0 && v >= 2 * median(spamDaily.slice(d - 7, d))) surgeDays++;
  });
  return [
    figure(7, "APAC appeal success max/min across countries", round(spread, 2), ">= 1.5", spread >= 1.5),
    figure(8, "APAC spam surge days (>= 2x trailing 7-day median)", surgeDays, ">= 3", surgeDays >= 3)
  ];
}

/** The T&S ops dashboard's window: volume, routing, SLA breaches, coordinated share and the classifier's drift (figures 9 to 13). */
function opsFigures({fcol, ops}: Rows): Figure[] {
  const routeShare = (r: string) => ops.filter((i) => fcol("route")[i] === r).length / ops.length;
  const autoBlock = routeShare("auto_block");
  const human = routeShare("human_review");
  const highHuman = ops.filter((i) => fcol("route")[i] === "human_review" && (fcol("severity")[i] === "high" || fcol("severity")[i] === "critical"));
  const breach = highHuman.filter((i) => fcol("sla_breached")[i]).length / highHuman.length;
  const coordinated = ops.filter((i) => fcol("attack_id")[i] !== null).length / ops.length;
  const weekScore = (from: string, to: string) => {
    const rows = ops.filter((i) => fcol("is_violation")[i] && String(fcol("date")[i]) >= from && String(fcol("date")[i]) <= to);
    return rows.reduce((s, i) => s + fcol<number>("ml_score")[i], 0) / rows.length;
  };
  const first = weekScore(OPS_START, addDays(OPS_START, 6));
  const last = weekScore(addDays(END_DATE, -6), END_DATE);
  return [
    figure(9, "flags in the last 90 days", ops.length, "41,935 ± 5%", within(ops.length, 41_935 * 0.95, 41_935 * 1.05)),
    figure(10, "auto_block / human_review share", `${round(100 * autoBlock, 1)}% / ${round(100 * human, 1)}%`, "14.4% ± 1.5 pp / 31.0% ± 2 pp", within(autoBlock, 0.129, 0.159) && within(human, 0.29, 0.33)),
    figure(11, "SLA breach rate (high/critical human-reviewed, TTA > 24 h)", round(100 * breach, 1), "18% ± 2 pp", within(breach, 0.16, 0.2)),
    figure(12, "coordinated-attack flags", round(100 * coordinated, 1), "11.2% ± 1.5 pp", within(coordinated, 0.097, 0.127)),
    figure(13, "7-day mean score on true violations, first → last week", `${round(first, 3)} → ${round(last, 3)}`, "0.86 → 0.784, ± 0.01 each", within(first, 0.85, 0.87) && within(last, 0.774, 0.794))
  ];
}

function flagDays({fn, fcol, dates}: Rows): FlagDays {
  const dailyAll = new Map<string, number>(dates.map((d) => [d, 0]));
  const attackDays = new Set<string>();
  for (let i = 0; i < fn; i++) {
    const d = String(fcol("date")[i]);
    dailyAll.set(d, dailyAll.get(d)! + 1);
    if (fcol("attack_id")[i] !== null) attackDays.add(d);
  }
  return {dailyAll, attackDays};
}

/** Weekend seasonality on non-attack days, and the harassment and spam trends, in the T&S ops dashboard's window (figures 14 and 15). */
function seasonality({fcol, ops, dates}: Rows, {dailyAll, attackDays}: FlagDays): Figure[] {
  const opsDates = dates.filter((d) => d >= OPS_START);
  const weekend: number[] = [];
  const weekday: number[] = [];
  for (const d of opsDates) {
    if (attackDays.has(d)) continue;
    const dow = dayOfWeek(d);
    if (dow === 0 || dow >= 5) weekend.push(dailyAll.get(d)!);
    else weekday.push(dailyAll.get(d)!);
  }
  const lift = mean(weekend) / mean(weekday) - 1;
  const slope = (k: string) => {
    const ys = opsDates.map((d) => ops.filter((i) => fcol("date")[i] === d && fcol("category")[i] === k).length);
    const xs = ys.map((_, i) => i);
    const mx = mean(xs);
    const my = mean(ys);
    return xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  };
  const harassmentSlope = slope("harassment_hate");
  const spamSlope = slope("spam");
  return [
    figure(14, "Fri/Sat/Sun flags vs Mon–Thu (non-attack days)", `+${round(100 * lift, 1)}%`, "+25% ± 5 pp", within(lift, 0.2, 0.3)),
    figure(15, "daily trend: harassment up, spam down (flags/day per day)", `${round(harassmentSlope, 2)} / ${round(spamSlope, 2)}`, "> 0 / < 0", harassmentSlope > 0 && spamSlope < 0)
  ];
}

/** The attacks, the T&S ops dashboard's baseline detector on total daily flags (trailing 7-day mean + 1.5 sd), and the reviewers (figures 16 and 17). */
function attackFigures({tables, dates}: Rows, {dailyAll, attackDays}: FlagDays): Figure[] {
  const series = dates.map((d) => dailyAll.get(d)!);
  const hits = spikes(series, 7, 1.5);
  let tp = 0;
  let fp = 0;
  dates.forEach((d, i) => {
    if (d < OPS_START || !hits[i]) return;
    if (attackDays.has(d)) tp++;
    else fp++;
  });
  const events = new Set(Array.from(col(tables.attacks, "attack_id"))).size;
  const precision = tp / Math.max(1, tp + fp);
  const reviewers = col(tables.reviewers, "reviewer_id").length;
  return [
    figure(16, "attacks; baseline detector recall and precision", `${events} events / ${attackDays.size} days; ${tp}/${attackDays.size}; ${round(100 * precision, 0)}%`, "5 / 9; 5/9–7/9; >= 75%", events === 5 && attackDays.size === 9 && tp >= 5 && tp <= 7 && precision >= 0.75),
    figure(17, "reviewers", reviewers, "20", reviewers === 20)
  ];
}
