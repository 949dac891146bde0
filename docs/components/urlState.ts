/**
 * Keeps an input in the page's URL: `view(linked("window", Inputs.range(...)))`. The input starts in
 * the state the URL names, every change writes the URL (a burst of changes, such as a slider drag, is one
 * history entry), and back and forward restore earlier states. A value the input cannot take is ignored
 * with a note at the top of the page. The first linked input adds a "Copy link" button there.
 * Works with Inputs.range, select, radio, checkbox, toggle, date, text and search.
 */
import {html} from "htl";
import {encodeState, parseState, refusedNote, sameState, withParam, type ControlSpec, type ControlState} from "../lib/io/urlState.js";

interface Control {
  spec: ControlSpec;
  read(): ControlState;
  write(state: ControlState): void;
}

type Form = HTMLElement & {value: unknown};
const labelOf = (input: HTMLInputElement) => (input.closest("label")?.textContent ?? input.value).trim();
const fire = (target: Element) => target.dispatchEvent(new Event("input", {bubbles: true}));

function chooser(form: Form, inputs: HTMLInputElement[], multiple: boolean): Control {
  const options = inputs.map(labelOf);
  return {
    spec: multiple ? {kind: "choices", options} : {kind: "choice", options},
    read: () => (multiple ? inputs.filter((i) => i.checked).map(labelOf) : (inputs.find((i) => i.checked) ? labelOf(inputs.find((i) => i.checked)!) : "")),
    write(state) {
      const wanted = new Set(multiple ? (state as string[]) : [state as string]);
      for (const i of inputs) i.checked = wanted.has(labelOf(i));
      fire(form);
    }
  };
}

function selectControl(form: Form, select: HTMLSelectElement): Control {
  const options = [...select.options].map((o) => (o.textContent ?? "").trim());
  return {
    spec: select.multiple ? {kind: "choices", options} : {kind: "choice", options},
    read: () => {
      const picked = [...select.selectedOptions].map((o) => (o.textContent ?? "").trim());
      return select.multiple ? picked : (picked[0] ?? "");
    },
    write(state) {
      const wanted = new Set(select.multiple ? (state as string[]) : [state as string]);
      for (const o of select.options) o.selected = wanted.has((o.textContent ?? "").trim());
      fire(form);
    }
  };
}

function valueControl(form: Form, spec: ControlSpec, read: () => ControlState, target: Element = form): Control {
  return {spec, read, write: (state) => ((form.value = state), fire(target))};
}

/** How to read and set one Inputs form, from its markup. */
function controlOf(form: Form): Control {
  const q = <E extends Element>(s: string) => form.querySelector<E>(s);
  const number = q<HTMLInputElement>("input[type=number]");
  if (number) return valueControl(form, {kind: "range", min: Number(number.min), max: Number(number.max)}, () => Number(form.value));
  const select = q<HTMLSelectElement>("select");
  if (select) return selectControl(form, select);
  const radios = [...form.querySelectorAll<HTMLInputElement>("input[type=radio]")];
  if (radios.length) return chooser(form, radios, false);
  const boxes = [...form.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
  if (boxes.length && /-toggle\b/.test(form.className)) return valueControl(form, {kind: "toggle"}, () => boxes[0].checked);
  if (boxes.length) return chooser(form, boxes, true);
  const date = q<HTMLInputElement>("input[type=date]");
  if (date) return valueControl(form, {kind: "date", min: date.min || undefined, max: date.max || undefined}, () => date.value);
  const search = q<HTMLInputElement>("input[type=search]");
  if (search) return {spec: {kind: "text"}, read: () => search.value, write: (s) => ((search.value = String(s)), fire(search))};
  const text = q<HTMLInputElement>("input[type=text], textarea");
  if (text) return valueControl(form, {kind: "text"}, () => text.value);
  throw new Error("linked: not an Inputs form this module knows (range, select, radio, checkbox, toggle, date, text, search)");
}

let lastWrite = -Infinity;
/** Whether the reader has changed an input: a value refused after that is dropped without a note. */
let changed = false;
/** Writes the URL: the first change of a burst adds a history entry, the rest of the burst replace it. */
function commit(search: string): void {
  if (search === location.search) return;
  const url = `${location.pathname}${search}${location.hash}`;
  const now = performance.now();
  if (now - lastWrite < 600) history.replaceState(history.state, "", url);
  else history.pushState(history.state, "", url);
  lastWrite = now;
  changed = true;
}

/** The bar under the page title: the copy-link button and notes about refused URL values. */
function viewBar(): HTMLElement {
  let bar = document.getElementById("view-bar");
  if (bar) return bar;
  const status = html`<span role="status"></span>`;
  const button = html`<button type="button">Copy link to this view</button>`;
  button.addEventListener("click", () => copyLink(status));
  bar = html`<div id="view-bar" class="view-bar">${button}${status}</div>`;
  const title = document.querySelector("#observablehq-main h1");
  if (title) title.after(bar);
  else document.querySelector("#observablehq-main")?.prepend(bar);
  return bar;
}

async function copyLink(status: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(location.href);
    status.textContent = "Link copied.";
  } catch {
    status.textContent = `Copy this link: ${location.href}`;
  }
}

function showRefused(text: string): void {
  viewBar().append(html`<p class="url-note">${text}</p>`);
}

/** Puts `form` under the URL parameter `name` and returns it, for `view(linked(name, Inputs.x(...)))`. */
export function linked<T extends HTMLElement>(name: string, form: T): T {
  const control = controlOf(form as unknown as Form);
  const initial = control.read();
  form.dataset.param = name;
  viewBar();
  const apply = (values: string[]) => {
    const target = values.length ? parseState(control.spec, values) : {ok: true as const, state: initial};
    if (!target.ok) {
      // An input rebuilt after the reader's own change (new options) drops what no longer fits, silently.
      if (!changed) showRefused(refusedNote(name, values, target.reason));
      history.replaceState(history.state, "", `${location.pathname}${withParam(location.search, name, null)}${location.hash}`);
    } else if (!sameState(target.state, control.read())) control.write(target.state);
  };
  apply(new URLSearchParams(location.search).getAll(name));
  form.addEventListener("input", () => {
    const state = control.read();
    commit(withParam(location.search, name, sameState(state, initial) ? null : encodeState(control.spec, state)));
  });
  const onPop = () => (form.isConnected ? apply(new URLSearchParams(location.search).getAll(name)) : removeEventListener("popstate", onPop));
  addEventListener("popstate", onPop);
  return form;
}
