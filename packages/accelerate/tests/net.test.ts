import { describe, expect, it } from "vitest";
import { con, era, num, v } from "@hvm/ir";
import { ResultShapeError } from "../src/errors.js";
import { decodeArray, decodeValue, loopIndices } from "../src/net.js";

const NUM = { k: "num" } as const;
const PAIR = { k: "tuple", items: [NUM, NUM] } as const;

describe("decode", () => {
  it("reads a balanced tree of numbers, left half first", () => {
    expect(decodeArray(con(con(num(1), num(2)), con(num(3), con(num(4), num(5)))), 5, NUM)).toEqual([1, 2, 3, 4, 5]);
    expect(decodeArray(era(), 0, NUM)).toEqual([]);
    expect(decodeArray(num(9), 1, NUM)).toEqual([9]);
  });

  it("reads Scott tuples ((a (b r)) r)", () => {
    expect(decodeValue(con(con(num(1), con(num(2), v("r"))), v("r")), PAIR)).toEqual([1, 2]);
  });

  it("names what it found when the normal form has another shape", () => {
    expect(() => decodeArray(num(1), 2, NUM)).toThrow(new ResultShapeError("expected a pair of results for elements 0..1, found num"));
    expect(() => decodeValue(con(num(1), num(2)), NUM)).toThrow("expected a number, found ctr");
    expect(() => decodeValue(con(con(num(1), v("r")), v("r")), PAIR)).toThrow("expected a tuple of 2, found a shorter one");
    expect(() => decodeValue(con(con(num(1), con(num(2), con(num(3), v("r")))), v("r")), PAIR)).toThrow("expected a tuple of 2, found a longer one");
  });
});

describe("loopIndices", () => {
  it("counts from 0 and rejects counts that are not integers 0..2^24", () => {
    expect(loopIndices(3)).toEqual([0, 1, 2]);
    expect(() => loopIndices(-1)).toThrow("loop count must be an integer 0..16777216, got -1");
    expect(() => loopIndices(2.5)).toThrow(/got 2.5/);
  });
});
