/**
 * What every element shares: the `backend`, `weights`, `seed`, `loading` and `lang` attributes,
 * the lifecycle (start when near the viewport, free the model when removed from the page),
 * the `ready` promise, the status line, visible errors and the common events.
 *
 * A subclass supplies `loadModel` (build the model and set its weights), `drawFirstOutput`, and
 * `releaseModel`; it never has to handle the runtime or the error display itself.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { modelConnection } from '../../src/worker/connection.js';
import type { RemoteModel } from '../../src/worker/remote-model.js';
import { holdTrainingWhile } from '../../src/runtime/step-loop.js';
import {
  BACKEND_PREFERENCES,
  type BackendName,
  type BackendPreference,
} from '../../src/runtime/config.js';
import { createRng, randomSeed, type Rng } from '../../src/runtime/random.js';
import { format, resolveLang, type Lang } from './i18n.js';
import { SHARED_STRINGS } from './strings.js';
import type {
  ModelErrorDetail,
  ModelReadyDetail,
  TrainEndDetail,
  TrainProgressDetail,
} from './events.js';
import { indexedDbUrl } from '../../src/runtime/weights-source.js';
import { controlsText, parseControls } from './controls.js';
import { Deferred } from './deferred.js';
import { OnScreenController } from './on-screen.js';
import {
  checkState,
  MAX_LINK_LENGTH,
  stateFragment,
  stateFromFragment,
  type ElementState,
} from './shareable-state.js';
import { PROBLEM_STRINGS } from './problem-strings.js';
import type { Problem } from '../../src/runtime/problem.js';

type Phase = 'idle' | 'loading' | 'ready' | 'training';

/**
 * @attr backend - `auto` (default), `webgpu`, `wasm` or `cpu`: the preferred TF.js backend.
 * @attr weights - URL of a TF.js weights manifest (`model.json`) of the same architecture; bundled weights when unset.
 * @attr seed - integer: makes sampling repeatable; setting it, even to the same value, restarts the random stream.
 * @attr loading - `lazy` (default: start when near the viewport) or `eager`.
 * @attr poster - URL of an image shown until the first output; a bundled preview when unset.
 * @attr controls - `all` (default), `none` (only the main view), or space-separated part tokens (each element lists its own).
 * @fires model-ready - `{backend, loadMs}`: the model is loaded and its first output drawn.
 * @fires model-error - `{message, cause}`: a problem, also shown inside the element, which keeps working.
 * @fires train-progress - `{step, totalSteps, losses}` after each fine-tuning step.
 * @fires train-end - `{steps, losses, aborted}` when fine-tuning ends.
 * @csspart base - The element's outer wrapper.
 * @csspart status - The status line (a live region).
 * @csspart error - The box that shows problems.
 * @csspart poster - The image shown until the first output.
 * @cssprop --ge-accent - Accent colour of buttons, focus rings and highlights.
 * @cssprop --ge-font - Font family.
 * @cssprop --ge-font-size - Base font size.
 * @cssprop --ge-foreground - Text colour.
 * @cssprop --ge-background - Background colour.
 * @cssprop --ge-muted - Colour of secondary text.
 * @cssprop --ge-border - Colour of borders.
 * @cssprop --ge-error - Colour of error messages.
 * @cssprop --ge-radius - Corner radius.
 */
export abstract class GenerativeElement extends LitElement {
  static override properties = {
    backend: { noAccessor: true },
    weights: { type: String },
    poster: { type: String },
    firstOutputShown: { state: true },
    seed: { noAccessor: true },
    loading: { noAccessor: true },
    controls: { noAccessor: true },
    phase: { state: true },
    sharedLink: { state: true },
    statusText: { state: true },
    errorMessages: { state: true },
  };

  /** URL of a weights manifest (model.json); bundled weights when unset. */
  weights: string | null = null;
  /** URL of an image shown until the first output; a bundled preview when unset. */
  poster: string | null = null;
  /** Whether the model's first output has been drawn (the poster then goes). */
  protected firstOutputShown = false;

  /** The text each attribute was given, by attribute name, whether set as attribute or property. */
  readonly #attributeTexts = new Map<string, string | null>();

  /** The preferred backend: `auto` (default), `webgpu`, `wasm` or `cpu` (an unknown value means `auto`). */
  get backend(): BackendPreference {
    const text = this.attributeText('backend');
    return BACKEND_PREFERENCES.includes(text as BackendPreference)
      ? (text as BackendPreference)
      : 'auto';
  }
  set backend(value: BackendPreference | string | null) {
    this.setAttributeText('backend', value);
  }

  /** The sampling seed in use, or null (default: random) when sampling is not repeatable (no or a bad `seed`). */
  get seed(): number | null {
    const seed = parseSeed(this.attributeText('seed'));
    return seed ?? null;
  }
  set seed(value: number | string | null) {
    this.setAttributeText('seed', value);
  }

  /** The part tokens `controls` can name, in display order (each element lists its own). */
  static controlParts: readonly string[] = [];

  /**
   * Which parts of the UI are rendered: `all` (default), `none` (only the main view), or
   * space-separated part tokens such as `sliders training`; unknown tokens are reported and ignored.
   */
  get controls(): string {
    return controlsText(this.#shownParts(), this.#knownParts());
  }
  set controls(value: string | readonly string[] | null) {
    this.setAttributeText(
      'controls',
      Array.isArray(value) ? value.join(' ') : (value as string | null),
    );
  }

  /** Whether a part (a `controls` token) is rendered. */
  protected shows(part: string): boolean {
    return this.#shownParts().has(part);
  }

  /** Every part is shown (`controls="all"`, the default): the element also shows its title and intro. */
  protected get showsEverything(): boolean {
    return this.#knownParts().every((part) => this.shows(part));
  }

  #knownParts(): readonly string[] {
    return (this.constructor as typeof GenerativeElement).controlParts;
  }

  /** `controls` parsed once per text: templates ask `shows()` many times per render. */
  #parsedControls: { text: string | null; shown: ReadonlySet<string> } | undefined;

  #shownParts(): ReadonlySet<string> {
    const text = this.attributeText('controls');
    if (this.#parsedControls?.text !== text)
      this.#parsedControls = { text, shown: parseControls(text, this.#knownParts()).shown };
    return this.#parsedControls.shown;
  }

  /** `lazy` (default: start when near the viewport) or `eager`. */
  get loading(): 'lazy' | 'eager' {
    return this.attributeText('loading') === 'eager' ? 'eager' : 'lazy';
  }
  set loading(value: 'lazy' | 'eager' | string | null) {
    this.setAttributeText('loading', value);
  }

  protected phase: Phase = 'idle';
  /** The last link made by the `share` part. */
  protected sharedLink = '';
  protected statusText = '';
  /** Visible problems, keyed by where they came from (an attribute name, 'weights', 'training'...). */
  protected errorMessages: Record<string, string> = {};

  #ready = new Deferred();
  /** Rebuilds queued or running (see `rebuilding`); `ready` resolves when the last one ends. */
  #pendingRebuilds = 0;
  #everConnected = false;
  #rebuildChain: Promise<void> = Promise.resolve();
  private starting: Promise<void> | undefined;
  private viewportObserver: IntersectionObserver | undefined;
  /** Whether any of the element is in the viewport, and the tab shown: nothing computes otherwise. */
  readonly #screen = new OnScreenController(this, (onScreen) => this.onScreenChanged(onScreen));
  private trainingController: AbortController | undefined;
  /** The training loop in progress, settled or not: the model is freed only once it has stopped. */
  #training: Promise<void> = Promise.resolve();
  private runtimeNotes: string[] = [];
  #stopBackendWatch: (() => void) | undefined;
  protected rng: Rng = createRng();

  /**
   * Resolves when the *current* model is loaded and its first output drawn. A rebuild (another
   * mode, data set, encoding or weights) or a re-connection gives a new promise; removing the
   * element rejects a pending one with an AbortError.
   */
  get ready(): Promise<void> {
    return this.#ready.promise;
  }

  /** The backend the page's TF.js runtime is using, once started. */
  get activeBackend(): BackendName | null {
    return this.phase === 'idle' ? null : (modelConnection().runtime?.backend ?? null);
  }

  /**
   * Whether the models run in the page's worker (`false`: on the main thread, because of
   * `configure({ worker: false })` or because no worker could start). `null` until started.
   */
  get runsInWorker(): boolean | null {
    return this.phase === 'idle' ? null : (modelConnection().runsInWorker ?? null);
  }

  protected get lang_(): Lang {
    return resolveLang(this);
  }

  protected get sharedStrings() {
    return SHARED_STRINGS[this.lang_];
  }

  // ---- attributes and their properties ------------------------------------------------------
  /**
   * Records the text given to an attribute, through the attribute or its property (Lit calls the
   * property's setter for an attribute change), and schedules an update in which `willUpdate`
   * validates it. Every set counts as a change, so setting the same `seed` again re-seeds.
   */
  protected setAttributeText(property: string, value: unknown): void {
    const attribute =
      [...attributesOf(this.constructor as typeof LitElement)].find(
        ([, p]) => p === property,
      )?.[0] ?? property.toLowerCase();
    this.#attributeTexts.set(
      attribute,
      value === null || value === undefined ? null : String(value),
    );
    this.requestUpdate(property, ALWAYS_CHANGED);
  }

  /** The text an attribute was given (by attribute name), or null when unset. */
  protected attributeText(attribute: string): string | null {
    return this.#attributeTexts.get(attribute) ?? null;
  }

  // ---- shareable state ---------------------------------------------------------------------
  /**
   * A JSON-serialisable snapshot of what the reader set: every attribute given, plus what the
   * element adds (a code, points, sentences). Never weights.
   */
  getState(): ElementState {
    const attributes: Record<string, string> = {};
    for (const name of attributesOf(this.constructor as typeof LitElement).keys()) {
      const text = this.getAttribute(name) ?? this.attributeText(name);
      if (text !== null) attributes[name] = text;
    }
    const extras = this.stateExtras();
    return Object.keys(extras).length ? { attributes, extras } : { attributes };
  }

  /** Applies a snapshot from `getState()`; every value is checked like the attribute it sets. */
  setState(state: ElementState): void {
    const checked = checkState(state);
    const known = attributesOf(this.constructor as typeof LitElement);
    const unknown = Object.keys(checked.attributes).filter((name) => !known.has(name));
    if (unknown.length)
      throw new RangeError(`setState: this element has no attribute ${unknown.join(', ')}.`);
    for (const name of known.keys()) {
      if (name in checked.attributes) this.setAttribute(name, checked.attributes[name]);
      else if (name !== 'loading') this.removeAttribute(name);
    }
    this.applyStateExtras(checked.extras ?? {});
  }

  /** The page URL with this element's state in the fragment (`#<id>=<state>`); the element needs an `id`. */
  shareLink(): string {
    if (!this.id)
      throw new Error(
        'shareLink: give the element an id, so the link can say which element it is for.',
      );
    const fragment = stateFragment(this.id, this.getState());
    const link = `${location.href.split('#')[0]}#${fragment}`;
    if (link.length > MAX_LINK_LENGTH)
      throw new RangeError(
        `shareLink: the link would be ${link.length} characters, more than ${MAX_LINK_LENGTH}.`,
      );
    return link;
  }

  /** What the element adds to its state beyond attributes (subclasses). */
  protected stateExtras(): Record<string, unknown> {
    return {};
  }

  /** Applies the extras of a state, checking them (subclasses). */
  protected applyStateExtras(_extras: Record<string, unknown>): void {}

  /** On connection, an element with an id takes its state from the page URL's fragment, if there is one. */
  #applyStateFromUrl(): void {
    if (!this.id || !location.hash) return;
    const state = stateFromFragment(location.hash, this.id);
    if (state === undefined) return;
    try {
      if (state instanceof Error) throw state;
      this.setState(state);
      this.clearError('state');
    } catch (cause) {
      this.showError(
        'state',
        format(this.sharedStrings.badState, { reason: this.describe(cause) }),
        cause,
      );
    }
  }

  /** A bundled preview of the element's typical output, shown until the first output (subclasses). */
  protected defaultPoster(): string | null {
    return null;
  }

  protected renderPoster(): TemplateResult | typeof nothing {
    const src = this.poster ?? this.defaultPoster();
    if (this.firstOutputShown || !src) return nothing;
    return html`<img
      class="poster"
      part="poster"
      alt=${this.sharedStrings.posterAlt}
      src=${src}
    />`;
  }

  /** The `share` part: the link to this figure as it is now, to copy. */
  protected renderShare(): TemplateResult | typeof nothing {
    // Without an id there is nothing a link could point at: no share button then.
    if (!this.shows('share') || !this.id) return nothing;
    const s = this.sharedStrings;
    const copy = () =>
      this.guard('share', async () => {
        const link = this.shareLink();
        this.sharedLink = link;
        await navigator.clipboard?.writeText(link).catch(() => undefined);
      });
    return html`<div class="row share">
      <button type="button" @click=${copy}>${s.copyLink}</button>
      ${this.sharedLink ? html`<input type="text" readonly aria-label=${s.copyLink} .value=${this.sharedLink} />` : nothing}
    </div>`;
  }

  // ---- on screen or not ----------------------------------------------------------------------
  /** Whether the element is in the viewport of a visible tab: training, animation and drawing run only then. */
  protected get isOnScreen(): boolean {
    return this.#screen.onScreen;
  }

  /** Resolves at once when on screen, else when the element comes back into view. */
  protected whenOnScreen(): Promise<void> {
    return this.#screen.whenOnScreen();
  }

  /** Called when the element goes off screen or comes back (subclasses pause and resume loops). */
  protected onScreenChanged(_onScreen: boolean): void {}

  // ---- subclass hooks ----------------------------------------------------------------------
  /** Build the model and give it weights from `source` ('bundled' or the `weights` URL). */
  protected abstract loadModel(source: string | null): Promise<void>;
  /** Draw the first output once the model has weights. */
  protected abstract drawFirstOutput(): Promise<void>;
  /** Free the model's tensors (the element left the page). Keep anything needed to come back. */
  protected abstract releaseModel(): Promise<void>;

  // ---- lifecycle ---------------------------------------------------------------------------
  override connectedCallback(): void {
    super.connectedCallback();
    this.#everConnected = true;
    // `auto` may move the page to a faster backend after measuring: the status line follows.
    this.#stopBackendWatch = modelConnection().onBackendChange(() => {
      if (this.phase !== 'idle') this.updateStatus();
    });
    this.#applyStateFromUrl();
    if (this.loading === 'eager') {
      void this.startModel();
    } else {
      this.statusText = this.sharedStrings.waiting;
      this.viewportObserver = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) void this.startModel();
        },
        { rootMargin: '200px' },
      );
      this.viewportObserver.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopBackendWatch?.();
    this.viewportObserver?.disconnect();
    this.viewportObserver = undefined;
    // Moving an element (remove, then insert in the same task) keeps its model; removing it frees it.
    setTimeout(() => {
      if (!this.isConnected) void this.release();
    });
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const s = this.sharedStrings;
    const text = (attribute: string) => this.attributeText(attribute);
    if (changed.has('backend'))
      this.checkAttribute(
        'backend',
        text('backend') === null || text('backend') === this.backend,
        'auto',
        s.unknownBackend,
      );
    if (changed.has('loading')) {
      this.checkAttribute(
        'loading',
        text('loading') === null || text('loading') === this.loading,
        'lazy',
        s.expectedLoading,
      );
      // Switched to eager on a connected element that is still waiting for the viewport: start now.
      if (this.loading === 'eager' && this.isConnected && this.phase === 'idle')
        void this.startModel();
    }
    if (changed.has('controls')) {
      const parsed = parseControls(text('controls'), this.#knownParts());
      const reason = format(s.unknownParts, {
        unknown: parsed.unknown.join(' '),
        known: this.#knownParts().join(' '),
      });
      this.checkAttribute(
        'controls',
        parsed.unknown.length === 0,
        controlsText(parsed.shown, this.#knownParts()),
        reason,
      );
    }
    if (changed.has('seed')) {
      const seed = parseSeed(text('seed'));
      this.checkAttribute('seed', seed !== undefined, s.randomSeed, s.expectedInteger);
      this.rng = createRng(seed ?? randomSeed());
    }
    if (changed.has('weights') && changed.get('weights') !== undefined && this.phase !== 'idle') {
      // A failure is shown inside the element by loadWeights; the page gets no unhandled rejection.
      void this.ready
        .then(() => this.loadWeights(this.weights ?? 'bundled'))
        .catch(() => undefined);
    }
  }

  /** Starts the runtime and the model (normally triggered by scrolling near, or `loading="eager"`). */
  protected startModel(): Promise<void> {
    this.starting ??= this.initialise();
    return this.starting;
  }

  private async initialise(): Promise<void> {
    const startedAt = performance.now();
    this.viewportObserver?.disconnect();
    this.phase = 'loading';
    this.statusText = this.sharedStrings.startingRuntime;
    try {
      const runtime = await modelConnection().startRuntime(this.backend);
      this.runtimeNotes = runtime.notes;
    } catch (cause) {
      this.phase = 'idle';
      this.starting = undefined;
      this.showError('runtime', this.describe(cause), cause);
      return;
    }
    this.statusText = this.sharedStrings.loadingWeights;
    try {
      await this.loadModel(this.weights);
    } catch (cause) {
      // The given weights failed: say so, and carry on with the bundled ones.
      this.showError(
        'weights',
        `${this.describe(cause)} ${this.weights ? this.sharedStrings.usingBundledWeights : ''}`.trim(),
        cause,
      );
      if (this.weights) {
        try {
          await this.loadModel(null);
        } catch (fallbackCause) {
          this.phase = 'idle';
          this.starting = undefined;
          this.showError('weights', this.describe(fallbackCause), fallbackCause);
          return;
        }
      } else {
        this.phase = 'idle';
        this.starting = undefined;
        return;
      }
    }
    await this.drawFirstOutput();
    this.phase = 'ready';
    this.firstOutputShown = true;
    this.updateStatus();
    void modelConnection().afterFirstOutput();
    // A rebuild asked for during start-up runs next and resolves `ready` itself; an element
    // removed during start-up leaves it pending, for the removal to reject.
    if (this.#pendingRebuilds === 0 && (this.isConnected || !this.#everConnected))
      this.#ready.resolve();
    this.emit<ModelReadyDetail>('model-ready', {
      backend: modelConnection().runtime!.backend,
      loadMs: Math.round(performance.now() - startedAt),
    });
  }

  private async release(): Promise<void> {
    if (!this.starting) return;
    const starting = this.starting;
    this.stopTraining();
    await starting;
    await this.#training; // the loop stops at its next step; its tensors must still exist until then
    if (this.isConnected) return;
    // The model goes: calls still waiting for it fail, and later calls wait for the next one.
    const gone = this.#ready;
    this.#ready = new Deferred();
    this.#pendingRebuilds = 0;
    if (!gone.settled)
      gone.reject(new DOMException('The element was removed from the page.', 'AbortError'));
    await this.releaseModel();
    this.starting = undefined;
    this.phase = 'idle';
    // Put back on the page while its model was being freed: start a new one.
    if (this.isConnected) void this.startModel();
  }

  /**
   * Replaces the model (another mode, data set, encoding or weights): `ready` is a new pending
   * promise until `work` and any rebuild queued after it have finished, so every public method
   * waits for the model it needs. Rebuilds run one at a time, after start-up.
   */
  protected rebuilding(work: () => Promise<void>): Promise<void> {
    if (this.#ready.settled) this.#ready = new Deferred();
    const ready = this.#ready;
    this.#pendingRebuilds += 1;
    const run = this.#rebuildChain.then(() => this.starting).then(work);
    this.#rebuildChain = run
      .catch(() => undefined)
      .then(() => {
        this.#pendingRebuilds = Math.max(0, this.#pendingRebuilds - 1);
        if (this.#pendingRebuilds === 0 && this.#ready === ready && this.phase !== 'idle')
          ready.resolve();
      });
    return run;
  }

  /** Resolves once the model is usable, starting it now if it was waiting for the viewport. */
  protected async modelReady(): Promise<void> {
    void this.startModel();
    await this.ready;
  }

  // ---- weights -----------------------------------------------------------------------------
  /** Loads weights from a URL, `indexeddb://name`, or picked files; on failure keeps the current ones. */
  async loadWeights(source: string | URL | File | FileList | readonly File[]): Promise<void> {
    await this.modelReady();
    try {
      await this.rebuilding(async () => {
        await this.applyWeights(source);
        this.clearError('weights');
        await this.drawFirstOutput();
      });
    } catch (cause) {
      this.showError('weights', this.describe(cause), cause);
      throw cause;
    }
  }

  /** Load `source` ('bundled', a URL, indexeddb://, or files) into the live model. */
  protected abstract applyWeights(
    source: string | URL | File | FileList | readonly File[],
  ): Promise<void>;

  /** The model whose weights `saveWeights` and `exportWeights` write (undefined until loaded). */
  protected abstract weightsModel(): RemoteModel<{ weightBytes: number }> | undefined;
  /** The file name of an export, without extension (e.g. `vae-digits`). */
  protected abstract exportName(): string;

  /** Saves the model's weights in this browser (IndexedDB) under `name`. */
  async saveWeights(name: string): Promise<void> {
    await this.modelReady();
    await this.weightsModel()!.saveWeights(name);
  }

  /** Downloads the model's weights as `<name>.json` + `<name>.weights.bin` (TF.js format). */
  async exportWeights(): Promise<void> {
    await this.modelReady();
    await this.weightsModel()!.exportWeights(this.exportName());
  }

  /**
   * The weights controls every element shows: save and load in this browser under
   * `storageName`, export, the bundled weights, and the user's files. Failures are shown inside.
   */
  protected renderWeightControls(storageName: string, ready: boolean): TemplateResult {
    const s = this.sharedStrings;
    const load = (source: string | File[]) => this.loadWeights(source).catch(() => undefined); // shown by loadWeights
    const onFiles = (event: Event) => {
      const input = event.target as HTMLInputElement;
      const files = Array.from(input.files ?? []);
      input.value = '';
      if (files.length) void load(files);
    };
    const onSave = () =>
      this.guard('weights', async () => {
        await this.saveWeights(storageName);
        this.updateStatus(format(s.saved, { name: indexedDbUrl(storageName) }));
      });
    return html`<h3>${s.weightsTitle}</h3>
      <div class="row weights">
        <button type="button" ?disabled=${!ready} @click=${onSave}>${s.saveBrowser}</button>
        <button type="button" ?disabled=${!ready} @click=${() => load(indexedDbUrl(storageName))}>
          ${s.loadBrowser}
        </button>
        <button
          type="button"
          ?disabled=${!ready}
          @click=${() => this.guard('weights', () => this.exportWeights())}
        >
          ${s.exportFiles}
        </button>
        <button type="button" ?disabled=${!ready} @click=${() => load('bundled')}>
          ${s.restoreBundled}
        </button>
        <label
          >${s.loadFiles}
          <input type="file" accept=".json,.bin" multiple ?disabled=${!ready} @change=${onFiles}
        /></label>
      </div>`;
  }

  /** Runs a UI action, showing any failure inside the element (under `key`) instead of throwing. */
  protected async guard(key: string, action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
      this.clearError(key);
    } catch (cause) {
      if (!this.isExpectedInterruption(cause)) this.showError(key, this.describe(cause), cause);
    }
  }

  /** An error that only means an action was superseded (a subclass's cancellation), not a problem. */
  protected isExpectedInterruption(_cause: unknown): boolean {
    return false;
  }

  // ---- training ----------------------------------------------------------------------------
  /** Runs `train` with an AbortSignal, status, and the train-progress / train-end events. */
  protected async runTraining<
    T extends {
      steps: number;
      losses: Record<string, number>;
      aborted: boolean;
      diverged?: boolean;
    },
  >(
    train: (signal: AbortSignal, onProgress: (p: TrainProgressDetail) => void) => Promise<T>,
    outerSignal?: AbortSignal,
  ): Promise<T> {
    await this.modelReady();
    if (this.trainingController) throw new Error('Training is already running on this element.');
    const controller = new AbortController();
    this.trainingController = controller;
    holdTrainingWhile(controller.signal, () => this.whenOnScreen());
    const forwardAbort = () => controller.abort();
    outerSignal?.addEventListener('abort', forwardAbort);
    if (outerSignal?.aborted) controller.abort();
    this.phase = 'training';
    this.clearError('training');
    this.updateStatus();
    const running = train(controller.signal, (progress) =>
      this.emit<TrainProgressDetail>('train-progress', progress),
    );
    this.#training = running.then(
      () => undefined,
      () => undefined,
    );
    try {
      const result = await running;
      if (result.diverged)
        this.showError(
          'training',
          'Training diverged (a loss became NaN or infinite); the last good weights were restored.',
        );
      this.emit<TrainEndDetail>('train-end', {
        steps: result.steps,
        losses: result.losses,
        aborted: result.aborted,
      });
      return result;
    } finally {
      outerSignal?.removeEventListener('abort', forwardAbort);
      this.trainingController = undefined;
      if (this.phase === 'training') this.phase = 'ready';
      this.updateStatus();
    }
  }

  /** Stops any training loop at the next step. */
  stopTraining(): void {
    this.trainingController?.abort();
    this.#screen.releaseWaiters(); // a loop held off-screen sees the abort now
  }

  protected get isTraining(): boolean {
    return this.trainingController !== undefined;
  }

  // ---- status and errors -------------------------------------------------------------------
  protected updateStatus(message?: string): void {
    if (message !== undefined) {
      this.statusText = message;
      return;
    }
    const s = this.sharedStrings;
    const backend = modelConnection().runtime?.backend;
    const base =
      this.phase === 'training' ? s.training : this.phase === 'ready' ? s.ready : this.statusText;
    const allNotes = modelConnection().workerRefused
      ? [...this.runtimeNotes, s.onMainThread]
      : this.runtimeNotes;
    const notes = allNotes.length ? ` (${allNotes.join('; ')})` : '';
    this.statusText = backend ? `${base} · ${format(s.backendActive, { backend })}${notes}` : base;
  }

  /** Shows a problem inside the element and fires `model-error`; the element keeps working. */
  protected showError(key: string, message: string, cause?: unknown): void {
    this.errorMessages = { ...this.errorMessages, [key]: message };
    this.emit<ModelErrorDetail>('model-error', { message, cause });
  }

  protected clearError(key: string): void {
    if (!(key in this.errorMessages)) return;
    const { [key]: _removed, ...rest } = this.errorMessages;
    this.errorMessages = rest;
  }

  /**
   * Records whether an attribute's value is usable; if not, shows why and what is used instead.
   * Returns `valid` so callers can pick the fallback.
   */
  protected checkAttribute(
    attribute: string,
    valid: boolean,
    fallback: string,
    reason: string,
  ): boolean {
    if (valid) {
      this.clearError(`attribute:${attribute}`);
    } else {
      const value = clip(this.attributeText(attribute) ?? '');
      const message = format(this.sharedStrings.badAttribute, {
        attribute,
        value,
        reason,
        fallback,
      });
      this.showError(`attribute:${attribute}`, message);
    }
    return valid;
  }

  /** A problem as the reader should see it: in the element's language when it has a code, else its message. */
  protected describe(cause: unknown): string {
    for (let error = cause; error instanceof Error; error = error.cause) {
      const problem = (error as Error & { problem?: Problem }).problem;
      const template =
        problem && (PROBLEM_STRINGS[this.lang_] as Record<string, string>)[problem.code];
      if (template) return format(template, problem.params ?? {});
    }
    return errorText(cause);
  }

  protected emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
  }

  /** The status line and the error box, for subclasses to place in their templates. */
  protected renderStatus(): TemplateResult {
    const errors = Object.entries(this.errorMessages);
    return html`
      <p class="status" part="status" role="status" aria-live="polite">${this.statusText}</p>
      ${this.renderPoster()} ${this.renderShare()}
      ${
        errors.length
          ? html`<div class="error" part="error" role="alert">
              <p>${errors.map(([, message]) => message).join('\n')}</p>
              <button type="button" @click=${() => (this.errorMessages = {})}>
                ${this.sharedStrings.dismiss}
              </button>
            </div>`
          : nothing
      }
    `;
  }
}

/** Each element class's attributes (attribute name → property), read once from its Lit declarations. */
const declaredAttributes = new WeakMap<typeof LitElement, Map<string, string>>();

function attributesOf(element: typeof LitElement): Map<string, string> {
  let attributes = declaredAttributes.get(element);
  if (!attributes) {
    attributes = new Map();
    for (const [property, declaration] of element.elementProperties) {
      if (declaration.state || declaration.attribute === false) continue;
      attributes.set(
        typeof declaration.attribute === 'string'
          ? declaration.attribute
          : String(property).toLowerCase(),
        String(property),
      );
    }
    declaredAttributes.set(element, attributes);
  }
  return attributes;
}

/** Sentinel old value: makes Lit treat every set of an attribute-backed property as a change. */
const ALWAYS_CHANGED = Symbol('always changed');

/** A seed: null when unset, undefined when unusable, else the integer. */
function parseSeed(text: string | null): number | null | undefined {
  if (text === null || text.trim() === '') return null;
  const seed = Number(text);
  return Number.isSafeInteger(seed) ? seed : undefined;
}

/** A value as quoted in a message: at most 60 characters, so a huge attribute cannot flood the page. */
export function clip(text: string, limit = 60): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
