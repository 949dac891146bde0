// Observable Framework configuration: https://observablehq.com/framework/config
export default {
  root: "docs",
  title: "Trust & Safety Workbook",
  // The default theme (air, near-midnight) follows the reader's light or dark preference.
  // No Google Fonts (Framework's default global stylesheet): the site makes no external request.
  // Framework adds its inputs stylesheet only to pages that use the implicit `Inputs`; the pages import
  // "@observablehq/inputs" by name instead (the implicit one downloads from a CDN), so add it here.
  globalStylesheets: ["observablehq:stdlib/inputs.css"],
  // The default theme plus the rules every page shares (KPI cards, wide tables): docs/style.css.
  style: "style.css",
  head: '<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">',
  // A fixed footer: Framework's default prints the build date, so two builds would differ.
  footer: "Trust &amp; Safety Workbook: synthetic data, seeded simulation.",
  // Links end in .html so that dist/ works on any static host, from any sub-path.
  preserveExtension: true,
  // TypeScript loaders run in one Node process each with tsx's loader hooks (`node --import tsx`),
  // rather than through the tsx command, which starts a second Node process per loader: about 0.2 s
  // less for each of the build's loaders. The hooks resolve from the project's node_modules.
  interpreters: {".ts": ["node", "--import", "tsx"]},
  // The sidebar is an analyst's walk through the workbook: the executive summary (home), KPIs, mixes,
  // anomalies, operations, protection science, investigations, then the reference pages. A link to a
  // missing page fails the build's link check.
  pages: [
    {
      name: "Analyst",
      pages: [
        {name: "KPI overview", path: "/overview"},
        {name: "Mixes", path: "/mixes"},
        {name: "Anomalies", path: "/anomalies"},
        {name: "Data explorer", path: "/explorer"},
        {name: "Cases", path: "/cases"},
        {name: "Executive insights", path: "/insights"}
      ]
    },
    {
      name: "Operations",
      pages: [
        {name: "Flag volume and trends", path: "/ops/flags"},
        {name: "Classifier health", path: "/ops/classifier"},
        {name: "Review queue and staffing", path: "/ops/queue"},
        {name: "Attack detection", path: "/ops/attacks"},
        {name: "Weekly ops summary", path: "/ops/weekly"}
      ]
    },
    {
      name: "Protection science",
      pages: [
        {name: "Raw events", path: "/science/events"},
        {name: "SQL core tables", path: "/science/sql"},
        {name: "Monitoring and alerts", path: "/science/monitoring"},
        {name: "Detection", path: "/science/detection"},
        {name: "Review queue", path: "/science/review-queue"},
        {name: "Automation", path: "/science/automation"},
        {name: "Enforcement", path: "/science/enforcement"},
        {name: "Drift and incident", path: "/science/drift"},
        {name: "Executive summary", path: "/science/summary"}
      ]
    },
    {
      name: "Investigations",
      pages: [
        {name: "Moderator sessions", path: "/moderators"},
        {name: "Investigation: reports up 40%", path: "/investigation"},
        {name: "Experiment readout", path: "/experiment"},
        {name: "Incident review", path: "/incident"},
        {name: "DSA transparency reporting", path: "/transparency"}
      ]
    },
    {
      name: "Deep dives",
      pages: [
        {name: "Deep-dive template", path: "/deep-dive-template"},
        // new-page: pages are added above this line
      ]
    },
    {
      name: "Reference",
      pages: [
        {name: "Data dictionary", path: "/data-dictionary"},
        {name: "Import contract", path: "/import-contract"},
        {name: "Data quality", path: "/data-quality"},
        {name: "KPI dictionary", path: "/kpi-dictionary"},
        {name: "Model card", path: "/science/model-card"},
        {name: "Datasheet", path: "/science/datasheet"},
        {name: "Datasets", path: "/datasets"},
        {name: "Methodology", path: "/methodology"},
        {name: "Calendar and geography", path: "/world"},
        {name: "Publishing", path: "/publishing"}
      ]
    }
  ],
  search: true
};
