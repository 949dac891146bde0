/**
 * Layers of one chart drawn over one another in a single grid cell, each later layer on top: a static
 * chart (axes, lines, legend) beneath the marks an input redraws. A layer without the legend sits at
 * the bottom, where the chart's plot area is. A saved chart (chartSave.ts) draws every layer.
 */
export function chartLayers(...layers: HTMLElement[]): HTMLDivElement {
  const div = document.createElement("div");
  div.className = "chart-layers";
  div.style.display = "grid";
  for (const layer of layers) {
    layer.style.gridArea = "1 / 1";
    layer.style.alignSelf = "end";
  }
  div.append(...layers);
  return div;
}
