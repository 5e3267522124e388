/**
 * An attribute's text as an element reads it: the value to use, and, when the text could not be
 * used, why (a problem code the element words in its language; the value is then the fallback).
 * Every element's attributes.ts parses into this, and `GenerativeElement.valueInUse` reports it.
 */
export interface Parsed<T, Problem extends string = string> {
  value: T;
  problem?: Problem;
}
