/**
 * A page's view in its URL: each input is one named query parameter. This module holds the rules
 * (how each kind of input's state is written and read back, and which values are refused); the browser
 * side that watches the inputs is `docs/components/urlState.ts`.
 *
 * Choices are written as slugs of their labels ("Spikes only" → `spikes-only`), several choices as
 * repeated parameters (`?severity=high&severity=medium`; one empty value for none), dates as
 * YYYY-MM-DD (UTC), numbers in their shortest form, toggles as `on`/`off`.
 */

export type ControlSpec =
  | {kind: "range"; min: number; max: number}
  | {kind: "date"; min?: string; max?: string}
  | {kind: "choice"; options: readonly string[]}
  | {kind: "choices"; options: readonly string[]}
  | {kind: "toggle"}
  | {kind: "text"};

/** What a control shows: a number, a date, one or several option labels, on/off, or text. */
export type ControlState = number | string | readonly string[] | boolean;

export type Parsed = {ok: true; state: ControlState} | {ok: false; reason: string};

/** Longest text a URL may set (a search box), so that a crafted link cannot flood the page. */
export const MAX_TEXT = 200;

/** The URL form of an option label: accents dropped, lower case, runs of anything but letters and digits become one hyphen. */
export function slug(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** The parameter values that write a control's state. */
export function encodeState(spec: ControlSpec, state: ControlState): string[] {
  switch (spec.kind) {
    case "range":
      return [String(Number(state))];
    case "toggle":
      return [state ? "on" : "off"];
    case "choices": {
      const labels = state as readonly string[];
      return labels.length ? labels.map(slug) : [""];
    }
    case "choice":
      return [slug(String(state))];
    default:
      return [String(state)];
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: string, {min, max}: {min?: string; max?: string}): Parsed {
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) return {ok: false, reason: "not a date (YYYY-MM-DD)"};
  if ((min && value < min) || (max && value > max)) return {ok: false, reason: `outside ${min ?? "…"} to ${max ?? "…"}`};
  return {ok: true, state: value};
}

function parseChoice(values: readonly string[], options: readonly string[], multiple: boolean): Parsed {
  const bySlug = new Map(options.map((o) => [slug(o), o]));
  const picked = multiple && values.length === 1 && values[0] === "" ? [] : values;
  const unknown = picked.filter((v) => !bySlug.has(v));
  if (unknown.length) return {ok: false, reason: `no option ${unknown.map((v) => `“${v.slice(0, 40)}”`).join(", ")}`};
  if (!multiple && picked.length !== 1) return {ok: false, reason: "one option expected"};
  const labels = picked.map((v) => bySlug.get(v)!);
  return {ok: true, state: multiple ? [...new Set(labels)] : labels[0]};
}

/** Reads a control's state from its parameter values, or says why they cannot set it. */
export function parseState(spec: ControlSpec, values: readonly string[]): Parsed {
  if (values.length === 0) return {ok: false, reason: "missing"};
  if (spec.kind === "choices") return parseChoice(values, spec.options, true);
  if (values.length > 1) return {ok: false, reason: "given more than once"};
  const [value] = values;
  switch (spec.kind) {
    case "range": {
      const x = value.trim() === "" ? NaN : Number(value);
      if (!Number.isFinite(x)) return {ok: false, reason: "not a number"};
      if (x < spec.min || x > spec.max) return {ok: false, reason: `outside ${spec.min} to ${spec.max}`};
      return {ok: true, state: x};
    }
    case "date":
      return parseDate(value, spec);
    case "choice":
      return parseChoice(values, spec.options, false);
    case "toggle":
      return value === "on" || value === "off" ? {ok: true, state: value === "on"} : {ok: false, reason: "not on or off"};
    default:
      return value.length > MAX_TEXT ? {ok: false, reason: `longer than ${MAX_TEXT} characters`} : {ok: true, state: value};
  }
}

/** A query string with one parameter's values replaced (or removed when `values` is null), others kept in order. */
export function withParam(search: string, name: string, values: readonly string[] | null): string {
  const params = new URLSearchParams(search);
  params.delete(name);
  for (const v of values ?? []) params.append(name, v);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Whether two states are the same view (labels compared as sets). */
export function sameState(a: ControlState, b: ControlState): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x) => b.includes(x));
  return a === b;
}

/** The sentence shown beside an input whose URL value was refused. */
export function refusedNote(name: string, values: readonly string[], reason: string): string {
  const shown = values.join(", ").slice(0, 60);
  return `The link's ${name}=“${shown}” was ignored (${reason}); showing the default.`;
}
