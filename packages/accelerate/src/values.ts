/**
 * JS values of accelerated code: u24 numbers (integers 0..2^24-1) and
 * fixed-size arrays of them. Booleans count as the numbers 0 and 1.
 */
import { InputError } from "./errors.js";
import { shapeEquals, showShape, type Shape } from "./kernel.js";

export const U24_MAX = 0xff_ffff;

/** A result or element: a u24 number or a fixed-size array of values. */
export type Value = number | readonly Value[];

export const isU24 = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= U24_MAX;

/** Booleans become 0/1, arrays are copied; anything else is returned as it is. */
export function normalize(v: unknown): unknown {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (Array.isArray(v)) return v.map(normalize);
  return v;
}

/** Deep equality of normalized values. */
export function valueEquals(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => valueEquals(x, b[i]));
  return a === b;
}

export const showValue = (v: unknown): string => (Array.isArray(v) ? `[${v.map(showValue).join(", ")}]` : String(v));

/** The shape of a normalized value, or null when it is not a u24 number or an array of them. */
export function shapeOfValue(v: unknown): Shape | null {
  if (isU24(v)) return { k: "num" };
  if (!Array.isArray(v) || v.length === 0) return null;
  const items: Shape[] = [];
  for (const x of v) {
    const s = shapeOfValue(x);
    if (s === null) return null;
    items.push(s);
  }
  return { k: "tuple", items };
}

/** The shape every element of an input array has (numbers when it is empty). */
export interface CheckedInput {
  readonly values: readonly Value[];
  readonly shape: Shape;
}

/** Check an input array: every element a u24 number, or every element a fixed-size array of the same shape. */
export function checkInput(xs: unknown, what: string): CheckedInput {
  if (!Array.isArray(xs) && !ArrayBuffer.isView(xs)) throw new InputError(`${what} must be an array of integers 0..${U24_MAX}, got ${typeof xs}`);
  const arr = Array.from(xs as ArrayLike<unknown>, normalize);
  let shape: Shape | null = null;
  for (let i = 0; i < arr.length; i++) {
    const s = shapeOfValue(arr[i]);
    if (s === null) {
      throw new InputError(`${what}[${i}] = ${showValue(arr[i])} is not a u24 number: inputs must be integers 0..${U24_MAX} (or fixed-size arrays of them)`);
    }
    if (shape === null) shape = s;
    else if (!shapeEquals(s, shape)) throw new InputError(`${what}[${i}] = ${showValue(arr[i])} has shape ${showShape(s)}, ${what}[0] has ${showShape(shape)}: every element must have the same shape`);
  }
  return { values: arr as Value[], shape: shape ?? { k: "num" } };
}
