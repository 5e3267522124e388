/** A promise with its resolve and reject at hand, and whether it has settled. */
export class Deferred<T = void> {
  readonly promise: Promise<T>;
  settled = false;
  #resolve!: (value: T) => void;
  #reject!: (reason: unknown) => void;

  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // A rejection nobody awaits (an element removed before anyone asked) is not a page error.
    this.promise.catch(() => undefined);
  }

  resolve(value: T): void {
    this.settled = true;
    this.#resolve(value);
  }

  reject(reason: unknown): void {
    this.settled = true;
    this.#reject(reason);
  }
}
