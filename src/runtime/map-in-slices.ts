/**
 * Converts many inputs (the user's images for a fine-tune) a slice at a time, letting the page
 * render and take input between slices: 10,000 images then hold up the page for no more than a
 * slice, instead of seconds in one task.
 */
import { yieldToBrowser } from './step-loop.js';

/** `convert` applied to every item in order; a pause for the page after every `sliceMs`. */
export async function mapInSlices<T, R>(
  items: Iterable<T> | ArrayLike<T>,
  convert: (item: T) => R | Promise<R>,
  sliceMs = 8,
): Promise<R[]> {
  const results: R[] = [];
  let sliceStart = performance.now();
  for (const item of Array.from(items as Iterable<T>)) {
    results.push(await convert(item));
    if (performance.now() - sliceStart > sliceMs) {
      await yieldToBrowser();
      sliceStart = performance.now();
    }
  }
  return results;
}
