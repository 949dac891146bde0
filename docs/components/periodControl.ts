/**
 * The period control the analyst and ops pages share: a preset (last 7, 30 or 90 days, the half-year,
 * or custom dates), From and To, and what to compare with (the previous period, the same period last
 * month, or nothing). Each part is in the URL (`period`, `from`, `to`, `compare`). Picking a preset sets
 * the dates; editing a date makes the period custom. The value is {from, to, previous, preset, compare},
 * where `previous` is null when there is nothing (or nothing whole) to compare with.
 */
import * as Inputs from "@observablehq/inputs";
import {clampRange} from "../lib/ops/range.js";
import {COMPARISONS, comparisonPeriod, PERIOD_PRESETS, presetOf, presetPeriod, type Comparison, type Period, type PeriodPreset} from "../lib/metrics/periods.js";
import {END_DATE, START_DATE} from "../lib/core/constants.js";
import {linked} from "./urlState.js";

export interface PeriodValue {
  from: string;
  to: string;
  previous: Period | null;
  preset: PeriodPreset;
  compare: Comparison;
}

type Input<T> = HTMLElement & {value: T};

export interface PeriodControlOptions {
  /** The reporting window: the default dates; its last day is what "last N days" end on. */
  window: {from: string; to: string};
  /** Whether the page compares with another period (default true); without, `previous` is null. */
  compare?: boolean;
}

/** The shared period control, for `const period = view(periodControl({window: config.window}))`. */
export function periodControl({window, compare: comparing = true}: PeriodControlOptions): HTMLElement & {value: PeriodValue} {
  const asOf = window.to;
  const preset = linked("period", Inputs.radio(PERIOD_PRESETS, {label: "Period", value: presetOf(window, asOf)})) as Input<PeriodPreset>;
  const from = linked("from", Inputs.date({label: "From", value: window.from, min: START_DATE, max: END_DATE})) as Input<Date>;
  const to = linked("to", Inputs.date({label: "To", value: window.to, min: START_DATE, max: END_DATE})) as Input<Date>;
  const compare = comparing ? (linked("compare", Inputs.select(COMPARISONS, {label: "Compare with", value: "Previous period"})) as Input<Comparison>) : {value: "None" as Comparison};
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const fire = (el: HTMLElement) => el.dispatchEvent(new Event("input", {bubbles: true}));
  // A preset from the URL wins over dates that do not match it.
  const dates = presetPeriod(preset.value, asOf);
  if (dates) [from.value, to.value] = [new Date(dates.from), new Date(dates.to)];

  const wrapper = document.createElement("div") as unknown as HTMLElement & {value: PeriodValue};
  wrapper.className = "period-control";
  wrapper.append(preset, from, to, ...(comparing ? [compare as Input<Comparison>] : []));
  let pending = false;
  wrapper.addEventListener("input", (event) => {
    if (event.target === wrapper) return;
    // The page sees one change per reader action, after the parts agree.
    event.stopImmediatePropagation();
    const target = event.target as Node;
    if (preset.contains(target)) {
      const d = presetPeriod(preset.value, asOf);
      if (d && (d.from !== day(from.value) || d.to !== day(to.value))) {
        [from.value, to.value] = [new Date(d.from), new Date(d.to)];
        fire(from);
        fire(to);
      }
    } else if (from.contains(target) || to.contains(target)) {
      const now = presetOf({from: day(from.value), to: day(to.value)}, asOf);
      if (now !== preset.value) {
        const radio = [...preset.querySelectorAll<HTMLInputElement>("input[type=radio]")].find((r) => r.value === String(PERIOD_PRESETS.indexOf("Custom")));
        if (radio && now === "Custom") {
          radio.checked = true;
          fire(preset);
        }
      }
    }
    if (!pending) {
      pending = true;
      queueMicrotask(() => {
        pending = false;
        wrapper.dispatchEvent(new Event("input"));
      });
    }
  });
  Object.defineProperty(wrapper, "value", {
    get(): PeriodValue {
      const range = clampRange(from.value, to.value);
      return {...range, previous: comparisonPeriod(compare.value, range), preset: preset.value, compare: compare.value};
    }
  });
  return wrapper;
}
