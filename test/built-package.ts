// For tests that load the built package from dist/ and nothing else: no TF.js import here (the
// page must hold the built package's copy only), unlike test/helpers.ts.

/** The built package loaded from `url` (typed as its source: a type-only reference). */
export async function loadPackage(url: string) {
  return (await import(url)) as typeof import('../src/generative-elements.js');
}

/** The next `name` event on `target`, or a rejection after `ms`. */
export function nextEvent<T>(
  target: EventTarget,
  name: string,
  ms: number,
): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${name}`)), ms);
    target.addEventListener(
      name,
      (event) => (clearTimeout(timer), resolve(event as CustomEvent<T>)),
      { once: true },
    );
  });
}
