/**
 * The optional LLM rewrite of the weekly summary, against a stub HTTP server on 127.0.0.1 (never a
 * real endpoint, never a real key): the generated report must stand without a key, on errors, on
 * timeouts and on rewrites that invent numbers.
 */
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {rewritePrompt, rewriteSummary} from "../../../data-loaders/_llm.js";
import type {WeeklyReport} from "../../../src/ops/weeklySummary.js";

const report: WeeklyReport = {
  week: {from: "2025-08-25", to: "2025-08-31"},
  previousWeek: {from: "2025-08-18", to: "2025-08-24"},
  facts: [],
  risks: [],
  sections: [
    {id: "risks", title: "Top risks", items: ["SLA breaches: 124 of 657 cases (18.9%)."]},
    {id: "category", title: "Category to watch", items: ["Harassment/hate: +2.4% a week."]},
    {id: "classifier", title: "Classifier health", items: ["Score 0.786 against 0.860."]},
    {id: "staffing", title: "Staffing recommendation", items: ["7 reviewers on shift: a team of 30."]},
    {id: "watch", title: "Metric to watch next week", items: ["SLA breaches."]}
  ]
};
const good = "Top risks\n- 124 of 657 high-severity cases breached the SLA (18.9%).\nCategory to watch\n- Harassment/hate grows +2.4% a week.\nClassifier health\n- Down to 0.786 from 0.860.\nStaffing recommendation\n- Staff 7 on shift, a team of 30.\nMetric to watch next week\n- SLA breaches.";

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler = () => {};
let requests: {headers: IncomingMessage["headers"]; body: string}[] = [];
let server: Server;
let url = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      requests.push({headers: req.headers, body});
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  url = `http://127.0.0.1:${address.port}/v1/messages`;
});
afterAll(() => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
}));

const env = (extra: Record<string, string> = {}) => ({WORKBOOK_LLM_API_KEY: "test-key-not-real", WORKBOOK_LLM_URL: url, WORKBOOK_LLM_MODEL: "stub-model", ...extra});
const reply = (status: number, payload: unknown): Handler => (_req, _body, res) => {
  res.writeHead(status, {"content-type": "application/json"});
  res.end(JSON.stringify(payload));
};

describe("rewriteSummary", () => {
  it("rewriteSummary(report) without WORKBOOK_LLM_API_KEY sends nothing and keeps the generated report", async () => {
    requests = [];
    const fail = () => Promise.reject(new Error("must not be called"));
    expect(await rewriteSummary(report, {env: {WORKBOOK_LLM_URL: url}, fetch: fail as never})).toEqual({status: "not_configured", detail: "no WORKBOOK_LLM_API_KEY at build time"});
    expect(await rewriteSummary(report, {env: {WORKBOOK_LLM_API_KEY: "  "}, fetch: fail as never})).toMatchObject({status: "not_configured"});
    expect(requests).toHaveLength(0);
  });
  it("rewriteSummary(report) uses a rewrite that keeps the numbers and sections, sending the key and the facts", async () => {
    requests = [];
    handler = reply(200, {content: [{type: "text", text: good}]});
    const result = await rewriteSummary(report, {env: env()});
    expect(result).toEqual({status: "used", detail: "rewritten by stub-model", text: good});
    expect(requests).toHaveLength(1);
    expect(requests[0].headers["x-api-key"]).toBe("test-key-not-real");
    const body = JSON.parse(requests[0].body);
    expect(body.model).toBe("stub-model");
    expect(body.messages[0].content).toBe(rewritePrompt(report));
    expect(body.messages[0].content).toContain("124 of 657 cases (18.9%)");
  });
  it("rewriteSummary(report) rejects a rewrite with a number the report does not have", async () => {
    handler = reply(200, {content: [{type: "text", text: good.replace("18.9%", "19%")}]});
    expect(await rewriteSummary(report, {env: env()})).toEqual({status: "rejected", detail: "numbers not in the report: 19"});
  });
  it("rewriteSummary(report) rejects a rewrite that drops a section", async () => {
    handler = reply(200, {content: [{type: "text", text: good.replace("Classifier health", "Model")}]});
    expect(await rewriteSummary(report, {env: env()})).toMatchObject({status: "rejected", detail: "missing sections: Classifier health"});
  });
  it("rewriteSummary(report) falls back on an HTTP error, a malformed body and an empty answer", async () => {
    handler = reply(500, {error: "overloaded"});
    expect(await rewriteSummary(report, {env: env()})).toEqual({status: "failed", detail: "HTTP 500 from the LLM endpoint"});
    handler = (_req, _body, res) => {
      res.writeHead(200, {"content-type": "application/json"});
      res.end("not json");
    };
    expect(await rewriteSummary(report, {env: env()})).toMatchObject({status: "failed"});
    handler = reply(200, {content: []});
    expect(await rewriteSummary(report, {env: env()})).toMatchObject({status: "rejected"});
  });
  it("rewriteSummary(report) gives up after WORKBOOK_LLM_TIMEOUT_MS", async () => {
    handler = () => {}; // never answers
    const started = Date.now();
    expect(await rewriteSummary(report, {env: env({WORKBOOK_LLM_TIMEOUT_MS: "200"})})).toEqual({status: "failed", detail: "no answer within 200 ms"});
    expect(Date.now() - started).toBeLessThan(5000);
  });
  it("rewriteSummary(report) reports a refused connection as a failure", async () => {
    expect(await rewriteSummary(report, {env: env({WORKBOOK_LLM_URL: "http://127.0.0.1:1/v1/messages"})})).toMatchObject({status: "failed"});
  });
});
