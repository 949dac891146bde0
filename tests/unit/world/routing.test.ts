import {describe, expect, it} from "vitest";
import {ROUTES, SEVERITIES} from "../../../src/core/constants.js";
import {ROUTING} from "../../../src/core/params.js";
import {route, ROUTE_INDEX} from "../../../src/world/routing.js";

const [critical, high, medium, low] = ["critical", "high", "medium", "low"].map((s) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]));
/** The routing thresholds: auto-block 0.925, auto-action 0.75, grey zone 0.57 (medium) and 0.7 (low). */
const T = {autoBlock: 0.925, autoAction: 0.75, grayZone: 0.57, lowGrayZone: 0.7};

describe("route", () => {
  it("uses the published thresholds by default (auto-block 0.925, auto-action 0.75, grey zones 0.57 and 0.7)", () => {
    expect({...ROUTING}).toEqual(T);
  });

  it("route(0.99, low) and route(0.925, critical) are auto_block: a very confident score is blocked whatever the severity", () => {
    for (const s of [critical, high, medium, low]) {
      expect(route(0.99, s)).toBe("auto_block");
      expect(route(0.925, s)).toBe("auto_block");
    }
  });

  it("route(0.9249, high) and route(0, critical) are human_review: high and critical severity below auto-block always go to people", () => {
    for (const score of [0, 0.3, 0.75, 0.9249]) {
      expect(route(score, critical)).toBe("human_review");
      expect(route(score, high)).toBe("human_review");
    }
  });

  it("route(0.75, medium) and route(0.75, low) are auto_action: a confident score on medium/low severity gets a light automated action", () => {
    expect(route(0.75, medium)).toBe("auto_action");
    expect(route(0.75, low)).toBe("auto_action");
    expect(route(0.9249, low)).toBe("auto_action");
  });

  it("route(0.57, medium) is human_review and route(0.5699, medium) auto_dismiss: medium severity's grey zone starts at 0.57", () => {
    expect(route(0.57, medium)).toBe("human_review");
    expect(route(0.7499, medium)).toBe("human_review");
    expect(route(0.5699, medium)).toBe("auto_dismiss");
  });

  it("route(0.7, low) is human_review and route(0.6999, low) auto_dismiss: low severity's grey zone is narrower, from 0.7", () => {
    expect(route(0.7, low)).toBe("human_review");
    expect(route(0.7499, low)).toBe("human_review");
    expect(route(0.6999, low)).toBe("auto_dismiss");
    expect(route(0.6, low)).toBe("auto_dismiss");
  });

  it("route(0, medium) and route(0, low) are auto_dismiss: a low score on medium/low severity is dismissed", () => {
    expect(route(0, medium)).toBe("auto_dismiss");
    expect(route(0, low)).toBe("auto_dismiss");
  });

  it("route(score, severity, thresholds) applies the thresholds it is given", () => {
    const strict = {autoBlock: 0.99, autoAction: 0.95, grayZone: 0.2, lowGrayZone: 0.4};
    expect(route(0.98, low, strict)).toBe("auto_action");
    expect(route(0.9, low, strict)).toBe("human_review");
    expect(route(0.99, low, strict)).toBe("auto_block");
    expect(route(0.96, medium, strict)).toBe("auto_action");
    expect(route(0.2, medium, strict)).toBe("human_review");
    expect(route(0.3, low, strict)).toBe("auto_dismiss");
    expect(route(0.4, low, strict)).toBe("human_review");
  });

  it("route(k / 1000, severity) over k = 0..1000 passes through the routes in order: dismiss, review, action, block for medium and low; review, block for high", () => {
    const changes = (s: number) => {
      const out: string[] = [];
      for (let k = 0; k <= 1000; k++) {
        const r = route(k / 1000, s);
        if (out.at(-1) !== r) out.push(r);
      }
      return out;
    };
    expect(changes(low)).toEqual(["auto_dismiss", "human_review", "auto_action", "auto_block"]);
    expect(changes(medium)).toEqual(["auto_dismiss", "human_review", "auto_action", "auto_block"]);
    expect(changes(high)).toEqual(["human_review", "auto_block"]);
  });
});

describe("ROUTE_INDEX", () => {
  it("ROUTE_INDEX[route] is the route's index in ROUTES, as the flags' route column stores it", () => {
    expect(ROUTE_INDEX).toEqual({auto_block: 0, human_review: 1, auto_action: 2, auto_dismiss: 3});
    for (const r of ROUTES) expect(ROUTES[ROUTE_INDEX[r]]).toBe(r);
  });
});
