export interface KeptView extends HTMLDivElement {
  /**
   * Draws render(rows, width) here unless these rows (plain values, compared as JSON) are already
   * shown. A render that takes a width is redrawn when the element's width changes, like resize().
   */
  show<T>(rows: T, render: (rows: T, width: number) => Node): void;
}

/**
 * A place on a page for a table or chart that a cell recomputes more often than its rows change (a
 * threshold that leaves every attack's outcome as it was). The page displays the element once, from a
 * cell that no input moves, and a cell that depends on the rows calls show(). Unchanged rows leave the
 * content alone: no new elements and no layout, and a table keeps its scroll position and sort order.
 * Changed rows are drawn at once at the known width, in the same layout pass as the rest of the page,
 * where resize() would draw a new chart only after the page had been laid out without it.
 */
export function keptView(): KeptView {
  const div = document.createElement("div") as KeptView;
  // As resize()'s element: positioned, so that a layer stacks over the resize() layers before it.
  div.style.position = "relative";
  let shown: string | undefined;
  let draw: ((width: number) => Node) | undefined;
  let byWidth = false;
  let width = 0;
  new ResizeObserver(([entry]) => {
    const previous = width;
    width = entry.contentRect.width;
    // A change of height (new rows) is not a reason to draw again.
    if (draw && width > 0 && width !== previous && (previous === 0 || byWidth)) div.replaceChildren(draw(width));
  }).observe(div);
  div.show = (rows, render) => {
    const key = JSON.stringify(rows);
    if (key === shown) return;
    draw = (width) => render(rows, width);
    byWidth = render.length > 1;
    if (width > 0) div.replaceChildren(draw(width));
    shown = key;
  };
  return div;
}
