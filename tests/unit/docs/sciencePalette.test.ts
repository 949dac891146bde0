import {describe, expect, it} from "vitest";
import {enforcementColor, eventTypeColor, linkColor} from "../../../docs/components/palette.js";
import {EVENT_TYPES} from "../../../src/core/constants.js";
import {ENFORCEMENT_ACTIONS} from "../../../src/detect/enforcementPolicy.js";
import {LINK_KINDS} from "../../../src/cluster/resolveEntities.js";

describe("palette for the protection-science pages", () => {
  it("eventTypeColor, enforcementColor and linkColor cover their vocabularies with one colour each", () => {
    expect(eventTypeColor.domain).toEqual([...EVENT_TYPES]);
    expect(enforcementColor.domain).toEqual([...ENFORCEMENT_ACTIONS]);
    expect(linkColor.domain).toEqual([...LINK_KINDS]);
    for (const c of [eventTypeColor, enforcementColor, linkColor]) expect(new Set(c.range).size).toBe(c.domain.length);
  });
});
