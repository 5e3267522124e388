/**
 * Whether an element is on screen: any of it in the viewport, and its tab shown. Training,
 * animation and drawing run only then (a Lit ReactiveController: it follows the host's
 * connection by itself).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class OnScreenController implements ReactiveController {
  #inViewport = true;
  #observer: IntersectionObserver | undefined;
  #waiters: (() => void)[] = [];
  readonly #onVisibilityChange = () => this.#changed();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Called when the host goes off screen or comes back. */
    private readonly onChange: (onScreen: boolean) => void,
  ) {
    host.addController(this);
  }

  get onScreen(): boolean {
    return this.#inViewport && document.visibilityState !== 'hidden';
  }

  /** Resolves at once when on screen (or detached), else when the host comes back into view. */
  whenOnScreen(): Promise<void> {
    if (this.onScreen || !this.host.isConnected) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Lets everything waiting go on now (a held loop must see its abort). */
  releaseWaiters(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    waiters.forEach((resolve) => resolve());
  }

  hostConnected(): void {
    this.#observer = new IntersectionObserver((entries) => {
      this.#inViewport = entries[entries.length - 1].isIntersecting;
      this.#changed();
    });
    this.#observer.observe(this.host);
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
  }

  #changed(): void {
    const onScreen = this.onScreen;
    if (onScreen) this.releaseWaiters();
    this.onChange(onScreen);
  }
}
