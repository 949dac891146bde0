/**
 * Keyboard navigation for a table made by Inputs.table: Tab reaches it (one row at a time is in the tab
 * order, a roving tabindex), the arrow keys move between rows, Page Up and Page Down by a screenful,
 * Home and End to the first and last row loaded, and Enter follows the row's link. Inputs.table adds
 * rows as its box scrolls and rebuilds them when a column is sorted, so each new row is taken in as it
 * comes; moving to the last row loaded scrolls it into view, which makes Inputs.table load the next ones.
 * Links inside rows leave the tab order (Enter on their row opens them), so Tab passes the table in one step.
 */
export interface KeyboardTableOptions {
  /** The table's accessible name. */
  label: string;
  /** The id of an element that explains the keys, read after the name. */
  describedBy?: string;
}

/** Moves between the rows of `form` (an Inputs.table) by keyboard; returns `form`. */
export function keyboardTable<T extends HTMLElement>(form: T, {label, describedBy}: KeyboardTableOptions): T {
  const table = form.querySelector("table");
  const tbody = table?.querySelector("tbody");
  if (!table || !tbody) return form;
  table.setAttribute("aria-label", label);
  if (describedBy) table.setAttribute("aria-describedby", describedBy);
  const rows = () => Array.from(tbody.rows);
  let active: HTMLTableRowElement | null = null;

  // New rows enter out of the tab order, their links too; one row (the active one, else the first) stays in it.
  const takeIn = () => {
    for (const tr of rows()) {
      if (tr.dataset.keyboard) continue;
      tr.dataset.keyboard = "row";
      tr.tabIndex = -1;
      for (const a of tr.querySelectorAll("a, button, input")) (a as HTMLElement).tabIndex = -1;
    }
    if (!active || active.parentElement !== tbody) active = rows()[0] ?? null;
    if (active) active.tabIndex = 0;
  };
  takeIn();
  new MutationObserver(takeIn).observe(tbody, {childList: true});

  const focusRow = (tr: HTMLTableRowElement) => {
    if (active && active !== tr) active.tabIndex = -1;
    active = tr;
    tr.tabIndex = 0;
    tr.focus({preventScroll: true});
    reveal(form, table, tr);
  };

  tbody.addEventListener("keydown", (event) => {
    const tr = (event.target as Element).closest("tr");
    if (!tr || tr.parentElement !== tbody || event.altKey || event.metaKey) return;
    const all = rows();
    const at = all.indexOf(tr as HTMLTableRowElement);
    const page = Math.max(1, Math.floor((form.clientHeight - (table.tHead?.offsetHeight ?? 0)) / Math.max(1, tr.offsetHeight)) - 1);
    const to: Record<string, number> = {ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + page, PageUp: at - page, Home: 0, End: all.length - 1};
    if (event.key === "Enter") {
      const link = tr.querySelector("a");
      if (link) {
        event.preventDefault();
        link.click();
      }
      return;
    }
    if (!(event.key in to)) return;
    event.preventDefault();
    focusRow(all[Math.max(0, Math.min(all.length - 1, to[event.key]))]);
  });
  return form;
}

/** Scrolls the table's box (below its sticky header), then the page, just enough to show the row. */
function reveal(box: HTMLElement, table: HTMLTableElement, tr: HTMLTableRowElement): void {
  // The box's client area: without its border and horizontal scroll bar.
  const top = box.getBoundingClientRect().top + box.clientTop;
  const below = top + (table.tHead?.getBoundingClientRect().height ?? 0);
  const bottom = top + box.clientHeight;
  const r = tr.getBoundingClientRect();
  // Whole pixels, rounded away from the row: rows are fractions of a pixel high, scroll offsets are not.
  if (r.top < below) box.scrollTop -= Math.ceil(below - r.top);
  else if (r.bottom > bottom) box.scrollTop += Math.ceil(r.bottom - bottom);
  const shown = tr.getBoundingClientRect();
  if (shown.top < 0) window.scrollBy(0, Math.floor(shown.top));
  else if (shown.bottom > window.innerHeight) window.scrollBy(0, Math.ceil(shown.bottom - window.innerHeight));
}
