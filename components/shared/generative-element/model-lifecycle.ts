/**
 * The life of an element's model: started once when the element nears the viewport (or at once,
 * `loading="eager"`), freed when the element leaves the page, rebuilt one rebuild at a time, and
 * the `ready` promise that says when the current model can be used. A Lit reactive controller:
 * it follows the element's connection by itself.
 */
import type { ReactiveController } from 'lit';
import { modelConnection } from '../../../src/worker/connection.js';
import type { ModelReadyDetail } from '../events.js';
import { Deferred } from '../deferred.js';
import { applyStateFromUrl } from './element-state.js';
import type { ElementHost } from './host.js';
import { statusLine } from './status-view.js';
import type { TrainingSession } from './training-session.js';

export class ModelLifecycle implements ReactiveController {
  #ready = new Deferred();
  /** Rebuilds queued or running (see `rebuilding`); `ready` resolves when the last one ends. */
  #pendingRebuilds = 0;
  #everConnected = false;
  #rebuildChain: Promise<void> = Promise.resolve();
  #starting: Promise<void> | undefined;
  #viewportObserver: IntersectionObserver | undefined;
  #stopBackendWatch: (() => void) | undefined;
  /** What starting the runtime noted (e.g. a backend it could not use), for the status line. */
  #runtimeNotes: string[] = [];

  constructor(
    private readonly host: ElementHost,
    private readonly training: TrainingSession,
  ) {
    host.element.addController(this);
  }

  /** The status line for the current phase, with the backend and what starting it noted. */
  statusLine(statusText: string): string {
    return statusLine(this.host.getPhase(), statusText, this.#runtimeNotes, this.host.strings());
  }

  /** See GenerativeElement's `ready`. */
  get ready(): Promise<void> {
    return this.#ready.promise;
  }

  /** On the page: apply a link's state, then start now (`eager`) or once near the viewport. */
  hostConnected(): void {
    const host = this.host;
    // A link's state comes first: it may set `loading`, `weights` or `backend`.
    applyStateFromUrl(host);
    this.#everConnected = true;
    // `auto` may move the page to a faster backend after measuring: the status line follows.
    this.#stopBackendWatch = modelConnection().onBackendChange(() => {
      if (host.getPhase() !== 'idle') host.updateStatus();
    });
    if (host.element.loading === 'eager') {
      void host.startModel();
      return;
    }
    host.setStatusText(host.strings().waiting);
    this.#viewportObserver = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void host.startModel();
      },
      { rootMargin: '200px' },
    );
    this.#viewportObserver.observe(host.element);
  }

  hostDisconnected(): void {
    this.#stopBackendWatch?.();
    this.#viewportObserver?.disconnect();
    this.#viewportObserver = undefined;
    // Moving an element (remove, then insert in the same task) keeps its model; removing it frees it.
    setTimeout(() => {
      if (!this.host.element.isConnected) void this.#release();
    });
  }

  /** `loading` or `weights` changed (from `willUpdate`). */
  attributesChanged(changed: ReadonlyMap<PropertyKey, unknown>): void {
    const { element } = this.host;
    const idle = () => this.host.getPhase() === 'idle';
    // Switched to eager on a connected element that is still waiting for the viewport: start now.
    if (changed.has('loading') && element.loading === 'eager' && element.isConnected && idle())
      void this.host.startModel();
    if (changed.has('weights') && changed.get('weights') !== undefined && !idle()) {
      // A failure is shown inside the element by loadWeights; the page gets no unhandled rejection.
      void element.ready
        .then(() => element.loadWeights(element.weights ?? 'bundled'))
        .catch(() => undefined);
    }
  }

  /** Starts the runtime and the model, once (again after a release). */
  start(): Promise<void> {
    this.#starting ??= this.#initialise();
    return this.#starting;
  }

  /** See GenerativeElement's `rebuilding`. */
  rebuilding(work: () => Promise<void>): Promise<void> {
    if (this.#ready.settled) this.#ready = new Deferred();
    const ready = this.#ready;
    this.#pendingRebuilds += 1;
    const run = this.#rebuildChain.then(() => this.#starting).then(work);
    this.#rebuildChain = run
      .catch(() => undefined)
      .then(() => {
        this.#pendingRebuilds = Math.max(0, this.#pendingRebuilds - 1);
        if (this.#pendingRebuilds === 0 && this.#ready === ready && this.host.getPhase() !== 'idle')
          ready.resolve();
      });
    return run;
  }

  async #initialise(): Promise<void> {
    const host = this.host;
    const startedAt = performance.now();
    this.#viewportObserver?.disconnect();
    host.setPhase('loading');
    host.setStatusText(host.strings().startingRuntime);
    try {
      const starting = modelConnection().startRuntime(host.element.backend);
      modelConnection().prefetchWeights(host.weightsToPrefetch());
      const runtime = await starting;
      this.#runtimeNotes = runtime.notes;
    } catch (cause) {
      this.#failedToStart('runtime', cause);
      return;
    }
    host.setStatusText(host.strings().loadingWeights);
    if (!(await this.#loadModel())) return;
    await host.drawFirstOutput();
    host.setPhase('ready');
    host.firstOutputDrawn();
    host.updateStatus();
    void modelConnection().afterFirstOutput();
    // A rebuild asked for during start-up runs next and resolves `ready` itself; an element
    // removed during start-up leaves it pending, for the removal to reject.
    if (this.#pendingRebuilds === 0 && (host.element.isConnected || !this.#everConnected))
      this.#ready.resolve();
    host.emit<ModelReadyDetail>('model-ready', {
      backend: modelConnection().runtime!.backend,
      loadMs: Math.round(performance.now() - startedAt),
    });
  }

  /** Loads the `weights` given, else (or when they fail) the bundled ones; false when none load. */
  async #loadModel(): Promise<boolean> {
    const { element } = this.host;
    try {
      await this.host.loadModel(element.weights);
      return true;
    } catch (cause) {
      // The given weights failed: say so, and carry on with the bundled ones.
      const fallback = element.weights ? this.host.strings().usingBundledWeights : '';
      this.host.showError('weights', `${this.host.describe(cause)} ${fallback}`.trim(), cause);
      if (!element.weights) {
        this.host.setPhase('idle');
        this.#starting = undefined;
        return false;
      }
    }
    try {
      await this.host.loadModel(null);
      return true;
    } catch (fallbackCause) {
      this.#failedToStart('weights', fallbackCause);
      return false;
    }
  }

  /** Back to idle with the problem shown: a later `startModel` tries again. */
  #failedToStart(key: string, cause: unknown): void {
    this.host.setPhase('idle');
    this.#starting = undefined;
    this.host.showError(key, this.host.describe(cause), cause);
  }

  async #release(): Promise<void> {
    if (!this.#starting) return;
    const { element } = this.host;
    const starting = this.#starting;
    element.stopTraining();
    await starting;
    // The loop stops at its next step; its tensors must still exist until then.
    await this.training.stopped;
    if (element.isConnected) return;
    // The model goes: calls still waiting for it fail, and later calls wait for the next one.
    const gone = this.#ready;
    this.#ready = new Deferred();
    this.#pendingRebuilds = 0;
    if (!gone.settled)
      gone.reject(new DOMException('The element was removed from the page.', 'AbortError'));
    await this.host.releaseModel();
    this.#starting = undefined;
    this.host.setPhase('idle');
    // Put back on the page while its model was being freed: start a new one.
    if (element.isConnected) void this.host.startModel();
  }
}
