import { describe, expect, it } from "vitest";
import { OP, OPERATORS, U24_MASK, applyOp, tagged } from "../src/index.js";

const op = (code: number, a: number, b: number): number => applyOp(tagged(code, a), b);

describe("numeric operators", () => {
  it("lists the 16 operators by code", () => {
    expect(OPERATORS.map((o) => o.name)).toEqual(["USE", "ADD", "SUB", "MUL", "DIV", "MOD", "EQ", "NE", "LT", "GT", "AND", "OR", "XOR", "NOT", "LSH", "RSH"]);
    expect(OPERATORS.map((o) => o.code)).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(OP.MUL).toBe(3);
  });

  it("USE tags y with operator a", () => {
    expect(applyOp(3, 123)).toBe(tagged(3, 123));
    expect(applyOp(3, 123)).toBe((3 << 24) | 123);
    expect(applyOp(tagged(3, 123), 321)).toBe(39483);
    expect(applyOp(applyOp(0x11, 5), 1)).toBe(6);
    expect(applyOp(0xf, U24_MASK)).toBe(0x0fff_ffff);
  });

  it("ADD, SUB and MUL wrap around u24", () => {
    expect(op(OP.ADD, 2, 3)).toBe(5);
    expect(op(OP.ADD, U24_MASK, 1)).toBe(0);
    expect(op(OP.ADD, U24_MASK, U24_MASK)).toBe(U24_MASK - 1);
    expect(op(OP.SUB, 5, 3)).toBe(2);
    expect(op(OP.SUB, 0, 1)).toBe(U24_MASK);
    expect(op(OP.SUB, 3, 5)).toBe(U24_MASK - 1);
    expect(op(OP.MUL, 123, 321)).toBe(39483);
    expect(op(OP.MUL, 0x1000, 0x1000)).toBe(0);
    expect(op(OP.MUL, 4096, 4097)).toBe(4096);
    expect(op(OP.MUL, U24_MASK, U24_MASK)).toBe(1);
  });

  it("DIV and MOD, including by zero", () => {
    expect(op(OP.DIV, 7, 2)).toBe(3);
    expect(op(OP.DIV, 7, 0)).toBe(U24_MASK);
    expect(op(OP.DIV, 0, 0)).toBe(U24_MASK);
    expect(op(OP.MOD, 7, 3)).toBe(1);
    expect(op(OP.MOD, 7, 0)).toBe(7);
    expect(op(OP.MOD, U24_MASK, 0)).toBe(U24_MASK);
  });

  it("comparisons give 0 or 1", () => {
    expect([op(OP.EQ, 4, 4), op(OP.EQ, 4, 5)]).toEqual([1, 0]);
    expect([op(OP.NE, 4, 4), op(OP.NE, 4, 5)]).toEqual([0, 1]);
    expect([op(OP.LT, 4, 5), op(OP.LT, 5, 5), op(OP.LT, 6, 5)]).toEqual([1, 0, 0]);
    expect([op(OP.GT, 4, 5), op(OP.GT, 5, 5), op(OP.GT, 6, 5)]).toEqual([0, 0, 1]);
    expect(op(OP.LT, 0, U24_MASK)).toBe(1);
  });

  it("bitwise AND, OR, XOR and NOT", () => {
    expect(op(OP.AND, 0b1100, 0b1010)).toBe(0b1000);
    expect(op(OP.OR, 0b1100, 0b1010)).toBe(0b1110);
    expect(op(OP.XOR, 0b1100, 0b1010)).toBe(0b0110);
    expect(op(OP.NOT, 0, 0)).toBe(U24_MASK);
    expect(op(OP.NOT, 99, U24_MASK)).toBe(0);
    expect(op(OP.NOT, 0, 0x0f0f0f)).toBe(0xf0f0f0);
  });

  it("shifts use b & 31 and wrap to u24", () => {
    expect(op(OP.LSH, 1, 23)).toBe(0x800000);
    expect(op(OP.LSH, 1, 24)).toBe(0);
    expect(op(OP.LSH, 3, 23)).toBe(0x800000);
    expect(op(OP.LSH, 1, 31)).toBe(0);
    expect(op(OP.LSH, 1, 32)).toBe(1);
    expect(op(OP.LSH, 1, 33)).toBe(2);
    expect(op(OP.RSH, 0x800000, 23)).toBe(1);
    expect(op(OP.RSH, U24_MASK, 24)).toBe(0);
    expect(op(OP.RSH, U24_MASK, 31)).toBe(0);
    expect(op(OP.RSH, 0x800000, 32)).toBe(0x800000);
    expect(op(OP.RSH, 0x800000, 35)).toBe(0x100000);
  });

  it("ignores the operator bits of y and never returns them (except USE)", () => {
    expect(op(OP.ADD, 1, tagged(5, 2))).toBe(3);
    expect(op(OP.NOT, 0, tagged(15, 0))).toBe(U24_MASK);
    for (let code = 1; code < 16; code++) expect(op(code, U24_MASK, U24_MASK) >>> 24).toBe(0);
  });
});
