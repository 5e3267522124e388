/**
 * What every element shares: the `backend`, `weights`, `seed`, `loading` and `lang` attributes,
 * the lifecycle (start when near the viewport, free the model when removed from the page),
 * the `ready` promise, the status line, visible errors and the common events.
 *
 * A subclass supplies `loadModel` (build the model and set its weights), `drawFirstOutput`, and
 * `releaseModel`; it never has to handle the runtime or the error display itself. The class
 * declares the shared API; its parts in ./generative-element/ do the work.
 */
import { LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { modelConnection } from '../../src/worker/connection.js';
import type { ModelWeights } from '../../src/worker/remote-model.js';
import type { BackendName, BackendPreference } from '../../src/runtime/config.js';
import { createRng, randomSeed, type Rng } from '../../src/runtime/random.js';
import { resolveLang, type Lang } from './i18n.js';
import { SHARED_STRINGS } from './strings.js';
import type { ModelErrorDetail, TrainProgressDetail } from './events.js';
import { OnScreenController } from './on-screen.js';
import type { ElementState } from './shareable-state.js';
import { describeProblem } from './generative-element/describe-problem.js';
import * as shareable from './generative-element/element-state.js';
import type { ElementHost, Phase } from './generative-element/host.js';
import { ModelLifecycle } from './generative-element/model-lifecycle.js';
import { SharedAttributes } from './generative-element/shared-attributes.js';
import * as status from './generative-element/status-view.js';
import { TrainingSession, type TrainingOutcome } from './generative-element/training-session.js';
import * as weights from './generative-element/weights.js';

export { clip, errorText } from './generative-element/describe-problem.js';

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

  /** The preferred backend: `auto` (default), `webgpu`, `wasm` or `cpu` (an unknown value means `auto`). */
  get backend(): BackendPreference {
    return this.#attributes.backend();
  }
  set backend(value: BackendPreference | string | null) {
    this.setAttributeText('backend', value);
  }

  /** The sampling seed in use, or null (default: random) when sampling is not repeatable (no or a bad `seed`). */
  get seed(): number | null {
    return this.#attributes.seed() ?? null;
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
    return this.#attributes.controlsText();
  }
  set controls(value: string | readonly string[] | null) {
    this.setAttributeText('controls', Array.isArray(value) ? value.join(' ') : value);
  }

  /** Whether a part (a `controls` token) is rendered. */
  protected shows(part: string): boolean {
    return this.#attributes.controls().shown.has(part);
  }

  /** Every part is shown (`controls="all"`, the default): the element also shows its title and intro. */
  protected get showsEverything(): boolean {
    return this.#attributes.knownParts().every((part) => this.shows(part));
  }

  /** `lazy` (default: start when near the viewport) or `eager`. */
  get loading(): 'lazy' | 'eager' {
    return this.#attributes.loading();
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

  readonly #attributes = new SharedAttributes(this, () => this.sharedStrings);
  /** Whether any of the element is in the viewport, and the tab shown: nothing computes otherwise. */
  readonly #screen = new OnScreenController(this, (onScreen) => this.onScreenChanged(onScreen));
  /** The protected members the parts use, as closures (see generative-element/host.ts). */
  readonly #host: ElementHost = {
    element: this,
    getPhase: () => this.phase,
    setPhase: (phase) => (this.phase = phase),
    setStatusText: (text) => (this.statusText = text),
    strings: () => this.sharedStrings,
    loadModel: (source) => this.loadModel(source),
    weightsToPrefetch: () => this.weightsToPrefetch(),
    drawFirstOutput: () => this.drawFirstOutput(),
    releaseModel: () => this.releaseModel(),
    applyWeights: (source) => this.applyWeights(source),
    firstOutputDrawn: () => (this.firstOutputShown = true),
    startModel: () => this.startModel(),
    modelReady: () => this.modelReady(),
    rebuilding: (work) => this.rebuilding(work),
    guard: (key, action) => this.guard(key, action),
    updateStatus: (message) => this.updateStatus(message),
    showError: (key, message, cause) => this.showError(key, message, cause),
    clearError: (key) => this.clearError(key),
    describe: (cause) => this.describe(cause),
    emit: (name, detail) => this.emit(name, detail),
  };
  readonly #training = new TrainingSession(this.#host);
  /** A controller, added after #screen: on connection, the link's state, then the model's start. */
  readonly #model = new ModelLifecycle(this.#host, this.#training);
  protected rng: Rng = createRng();

  /**
   * Resolves when the *current* model is loaded and its first output drawn. A rebuild (another
   * mode, data set, encoding or weights) or a re-connection gives a new promise; removing the
   * element rejects a pending one with an AbortError.
   */
  get ready(): Promise<void> {
    return this.#model.ready;
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
    this.#attributes.texts.set(property, value);
  }
  /** The text an attribute was given (by attribute name), or null when unset. */
  protected attributeText(attribute: string): string | null {
    return this.#attributes.texts.get(attribute);
  }

  // ---- shareable state ---------------------------------------------------------------------
  /**
   * A JSON-serialisable snapshot of what the reader set: every attribute given, plus what the
   * element adds (a code, points, sentences). Never weights.
   */
  getState(): ElementState {
    const attributeText = (name: string) => this.attributeText(name);
    return shareable.readState(this, attributeText, () => this.stateExtras());
  }
  /** Applies a snapshot from `getState()`; every value is checked like the attribute it sets. */
  setState(state: ElementState): void {
    this.applyStateExtras(shareable.writeAttributes(this, state));
  }
  /** The page URL with this element's state in the fragment (`#<id>=<state>`); the element needs an `id`. */
  shareLink(): string {
    return shareable.shareLinkFor(this.id, () => this.getState());
  }

  /** What the element adds to its state beyond attributes (subclasses). */
  protected stateExtras(): Record<string, unknown> {
    return {};
  }
  /** Applies the extras of a state, checking them (subclasses). */
  protected applyStateExtras(_extras: Record<string, unknown>): void {}

  /** A bundled preview of the element's typical output, shown until the first output (subclasses). */
  protected defaultPoster(): string | null {
    return null;
  }
  protected renderPoster(): TemplateResult | typeof nothing {
    const src = this.poster ?? this.defaultPoster();
    return status.renderPoster(src, this.firstOutputShown, this.sharedStrings);
  }

  /** The `share` part: the link to this figure as it is now, to copy. */
  protected renderShare(): TemplateResult | typeof nothing {
    // Without an id there is nothing a link could point at: no share button then.
    if (!this.shows('share') || !this.id) return nothing;
    const remember = (link: string) => (this.sharedLink = link);
    return shareable.renderShareRow(this.#host, this.sharedLink, remember);
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
  /** The bundled weights `loadModel` will load: they download beside the runtime's start. */
  protected weightsToPrefetch(): ReturnType<ElementHost['weightsToPrefetch']> {
    return [];
  }
  /** Draw the first output once the model has weights. */
  protected abstract drawFirstOutput(): Promise<void>;
  /** Free the model's tensors (the element left the page). Keep anything needed to come back. */
  protected abstract releaseModel(): Promise<void>;

  // ---- lifecycle ---------------------------------------------------------------------------
  override willUpdate(changed: PropertyValues<this>): void {
    for (const check of this.#attributes.checks(changed)) this.checkAttribute(...check);
    if (changed.has('seed')) this.rng = createRng(this.#attributes.seed() ?? randomSeed());
    this.#model.attributesChanged(changed);
  }

  /** Starts the runtime and the model (normally triggered by scrolling near, or `loading="eager"`). */
  protected startModel(): Promise<void> {
    return this.#model.start();
  }
  /**
   * Replaces the model (another mode, data set, encoding or weights): `ready` is a new pending
   * promise until `work` and any rebuild queued after it have finished, so every public method
   * waits for the model it needs. Rebuilds run one at a time, after start-up.
   */
  protected rebuilding(work: () => Promise<void>): Promise<void> {
    return this.#model.rebuilding(work);
  }
  /** Resolves once the model is usable, starting it now if it was waiting for the viewport. */
  protected async modelReady(): Promise<void> {
    void this.startModel();
    await this.ready;
  }

  // ---- weights -----------------------------------------------------------------------------
  /** Loads weights from a URL, `indexeddb://name`, or picked files; on failure keeps the current ones. */
  async loadWeights(source: string | URL | File | FileList | readonly File[]): Promise<void> {
    await weights.loadWeights(this.#host, source);
  }
  /** Load `source` ('bundled', a URL, indexeddb://, or files) into the live model. */
  protected abstract applyWeights(
    source: string | URL | File | FileList | readonly File[],
  ): Promise<void>;
  /** The model whose weights `saveWeights` and `exportWeights` write (undefined until loaded). */
  protected abstract weightsModel(): ModelWeights | undefined;
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
    return weights.renderWeightControls(this.#host, storageName, ready);
  }
  /** Runs a UI action, showing any failure inside the element (under `key`) instead of throwing. */
  protected async guard(key: string, action: () => Promise<unknown>): Promise<void> {
    await status.guarded(this.#host, key, action, (cause) => this.isExpectedInterruption(cause));
  }
  /** An error that only means an action was superseded (a subclass's cancellation), not a problem. */
  protected isExpectedInterruption(_cause: unknown): boolean {
    return false;
  }

  // ---- training ----------------------------------------------------------------------------
  /** Runs `train` with an AbortSignal, status, and the train-progress / train-end events. */
  protected async runTraining<T extends TrainingOutcome>(
    train: (signal: AbortSignal, onProgress: (p: TrainProgressDetail) => void) => Promise<T>,
    outerSignal?: AbortSignal,
  ): Promise<T> {
    await this.modelReady();
    return this.#training.run(train, outerSignal);
  }
  /** Stops any training loop at the next step. */
  stopTraining(): void {
    this.#training.stop();
  }
  protected get isTraining(): boolean {
    return this.#training.running;
  }

  // ---- status and errors -------------------------------------------------------------------
  protected updateStatus(message?: string): void {
    this.statusText = message !== undefined ? message : this.#model.statusLine(this.statusText);
  }
  /** Shows a problem inside the element and fires `model-error`; the element keeps working. */
  protected showError(key: string, message: string, cause?: unknown): void {
    this.errorMessages = status.withError(this.errorMessages, key, message);
    this.emit<ModelErrorDetail>('model-error', { message, cause });
  }
  protected clearError(key: string): void {
    this.errorMessages = status.withoutError(this.errorMessages, key);
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
    const key = `attribute:${attribute}`;
    if (valid) this.clearError(key);
    else this.showError(key, this.#attributes.problem(attribute, reason, fallback));
    return valid;
  }

  /** A problem as the reader should see it: in the element's language when it has a code, else its message. */
  protected describe(cause: unknown): string {
    return describeProblem(cause, this.lang_);
  }
  protected emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
  }
  /** The status line and the error box, for subclasses to place in their templates. */
  protected renderStatus(): TemplateResult {
    return status.renderStatusView({
      statusText: this.statusText,
      poster: this.renderPoster(),
      share: this.renderShare(),
      errors: Object.values(this.errorMessages),
      dismissLabel: this.sharedStrings.dismiss,
      dismiss: () => (this.errorMessages = {}),
    });
  }
}
