import { describe, expect, it } from "vitest";
import {
  ERA_PORT, NULL, ROOT_PORT, ROOT_SLOT, TAG_ENTRIES, TAG_NAMES, Tag, VALUE_MAX, ctrTag, hasNode, isCtr, isMain, isNullary, isVar, labelOf, port, showPort,
  slotOf, tagOf, valueOf, varTo,
} from "../src/index.js";

describe("ports", () => {
  it("encode (value << 4) | tag and decode both halves", () => {
    expect(port(Tag.CT3, 12345)).toBe((12345 << 4) | 0xd);
    expect(tagOf(port(Tag.CT3, 12345))).toBe(Tag.CT3);
    expect(valueOf(port(Tag.CT3, 12345))).toBe(12345);
    expect(port(Tag.NUM, 0)).toBe(0x6);
    expect(port(Tag.VR1, 0)).toBe(NULL);
  });

  it("keeps 28-bit values unsigned", () => {
    expect(port(Tag.CT5, VALUE_MAX)).toBe(0xffff_ffff);
    expect(valueOf(0xffff_ffff)).toBe(VALUE_MAX);
    expect(tagOf(0xffff_ffff)).toBe(Tag.CT5);
    expect(port(Tag.NUM, 1 << 27)).toBe(0x8000_0006);
    for (const value of [0, 1, 0xffffff, 1 << 24, VALUE_MAX]) {
      for (let tag = 0; tag < 16; tag++) {
        const p = port(tag, value);
        expect([tagOf(p), valueOf(p)]).toEqual([tag, value]);
      }
    }
  });

  it("names the 16 tags in DESIGN order", () => {
    expect(TAG_NAMES).toEqual(["VR1", "VR2", "RD1", "RD2", "REF", "ERA", "NUM", "OP2", "OP1", "MAT", "CT0", "CT1", "CT2", "CT3", "CT4", "CT5"]);
    expect(showPort(port(Tag.OP1, 9))).toBe("OP1:9");
    expect(TAG_ENTRIES).toEqual(TAG_NAMES.map((name, t) => [name, t]));
    for (const [name, t] of TAG_ENTRIES) expect(Tag[name as keyof typeof Tag]).toBe(t);
  });

  it("classifies tags", () => {
    const all = Array.from({ length: 16 }, (_, t) => t);
    expect(all.filter(isVar)).toEqual([0, 1, 2, 3]);
    expect(all.filter(isMain)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(all.filter(isNullary)).toEqual([Tag.REF, Tag.ERA, Tag.NUM]);
    expect(all.filter(isCtr)).toEqual([10, 11, 12, 13, 14, 15]);
    expect(all.filter(hasNode)).toEqual([0, 1, 2, 3, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it("maps labels to CT tags and back", () => {
    for (let l = 0; l < 6; l++) {
      expect(ctrTag(l)).toBe(Tag.CT0 + l);
      expect(labelOf(ctrTag(l))).toBe(l);
    }
  });

  it("converts between variable pointers and heap slots", () => {
    expect(slotOf(port(Tag.VR1, 7))).toBe(14);
    expect(slotOf(port(Tag.VR2, 7))).toBe(15);
    expect(slotOf(port(Tag.RD2, 7))).toBe(15);
    expect(varTo(14)).toBe(port(Tag.VR1, 7));
    expect(varTo(15)).toBe(port(Tag.VR2, 7));
    for (const slot of [0, 1, 2, 3, 1000001, 2 * VALUE_MAX + 1]) expect(slotOf(varTo(slot))).toBe(slot);
  });

  it("reserves node 0 aux 2 for the root", () => {
    expect(ROOT_SLOT).toBe(1);
    expect(ROOT_PORT).toBe(port(Tag.VR2, 0));
    expect(slotOf(ROOT_PORT)).toBe(ROOT_SLOT);
    expect(ERA_PORT).toBe(port(Tag.ERA, 0));
  });
});
