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
import type { ModelWeights } from '../../src/worker/model-weights.js';
import type { BundledWeights } from '../../src/runtime/weights-source.js';
import type { BackendName, BackendPreference } from '../../src/runtime/config.js';
import { createRng, randomSeed, type Rng } from '../../src/runtime/random.js';
import { resolveLang, type Lang } from './i18n.js';
import { SHARED_STRINGS } from './strings.js';
import type { ModelErrorDetail, TrainProgressDetail } from './events.js';
import { OnScreenController } from './on-screen.js';
import type { ElementContext } from './element-context.js';
import type { Parsed } from './parsed.js';
import type { ElementState } from './shareable-state.js';
import { describeProblem } from './generative-element/describe-problem.js';
import * as shareable from './generative-element/element-state.js';
import { elementContext } from './generative-element/context.js';
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

  readonly #attributes = new SharedAttributes(this, () => this.#host);
  /** Whether any of the element is in the viewport, and the tab shown: nothing computes otherwise. */
  readonly #screen = new OnScreenController(this, (onScreen) => this.onScreenChanged?.(onScreen));
  /** The protected members the parts use, as closures (see generative-element/host.ts). */
  readonly #host: ElementHost = {
    element: this,
    modelReady: () => this.modelReady(),
    guard: (key, action) => this.guard(key, action),
    showError: (key, message, cause) => this.showError(key, message, cause),
    clearError: (key) => this.clearError(key),
    describe: (cause) => this.describe(cause),
    emit: (name, detail) => this.emit(name, detail),
    lang: () => this.lang_,
    shows: (part) => this.shows(part),
    showsEverything: () => this.showsEverything,
    isOnScreen: () => this.isOnScreen,
    whenOnScreen: () => this.whenOnScreen(),
    isTraining: () => this.isTraining,
    nextSeed: () => this.rng.nextSeed(),
    runTraining: (train, signal) => this.runTraining(train, signal),
    status: () => this.renderStatus(),
    getPhase: () => this.phase,
    setPhase: (phase) => (this.phase = phase),
    setStatusText: (text) => (this.statusText = text),
    strings: () => SHARED_STRINGS[this.lang_],
    loadModel: (source) => this.loadModel(source),
    weightsToPrefetch: () => this.weightsToPrefetch?.() ?? [],
    drawFirstOutput: () => this.drawFirstOutput(),
    releaseModel: () => this.releaseModel(),
    applyWeights: (source) => this.applyWeights(source),
    firstOutputDrawn: () => (this.firstOutputShown = true),
    startModel: () => this.startModel(),
    rebuilding: (work) => this.rebuilding(work),
    updateStatus: (message) =>
      (this.statusText = message ?? this.#model.statusLine(this.statusText)),
  };
  readonly #training = new TrainingSession(this.#host);
  /** A controller, added after #screen: on connection, the link's state, then the model's start. */
  readonly #model = new ModelLifecycle(this.#host, this.#training);
  protected rng: Rng = createRng();

  /** What the element's parts may use of it (element-context.ts): each element makes one. */
  protected createContext<Strings>(strings: () => Strings): ElementContext<Strings> {
    return elementContext(this.#host, strings);
  }

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
    return shareable.readState(this, attributeText, () => this.stateExtras?.() ?? {});
  }
  /** Applies a snapshot from `getState()`; every value is checked like the attribute it sets. */
  setState(state: ElementState): void {
    this.applyStateExtras?.(shareable.writeAttributes(this, state));
  }
  /** The page URL with this element's state in the fragment (`#<id>=<state>`); the element needs an `id`. */
  shareLink(): string {
    return shareable.shareLinkFor(this.id, () => this.getState());
  }

  /** What the element adds to its state beyond attributes (subclasses). */
  protected stateExtras?(): Record<string, unknown>;
  /** Applies the extras of a state, checking them (subclasses). */
  protected applyStateExtras?(extras: Record<string, unknown>): void;
  /** A bundled preview of the element's typical output, shown until the first output (subclasses). */
  protected defaultPoster?(): string | null;

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
  protected onScreenChanged?(onScreen: boolean): void;

  // ---- subclass hooks ----------------------------------------------------------------------
  /** Build the model and give it weights from `source` ('bundled' or the `weights` URL). */
  protected abstract loadModel(source: string | null): Promise<void>;
  /** The bundled weights `loadModel` will load: they download beside the runtime's start. */
  protected weightsToPrefetch?(): BundledWeights[];
  /** Draw the first output once the model has weights. */
  protected abstract drawFirstOutput(): Promise<void>;
  /** Free the model's tensors (the element left the page). Keep anything needed to come back. */
  protected abstract releaseModel(): Promise<void>;

  // ---- lifecycle ---------------------------------------------------------------------------
  override willUpdate(changed: PropertyValues<this>): void {
    for (const check of this.#attributes.checks(changed)) this.#attributes.report(...check);
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
  /** Shows a problem inside the element and fires `model-error`; the element keeps working. */
  protected showError(key: string, message: string, cause?: unknown): void {
    this.errorMessages = status.withError(this.errorMessages, key, message);
    this.emit<ModelErrorDetail>('model-error', { message, cause });
  }
  protected clearError(key: string): void {
    this.errorMessages = status.withoutError(this.errorMessages, key);
  }
  /**
   * The value to use of a parsed attribute: a refused text is shown inside the element, with why
   * (`problems`, in the element's language) and the fallback in use (`shown` words it).
   */
  protected valueInUse<T, P extends string>(
    attribute: string,
    parsed: Parsed<T, P>,
    problems: Record<P, string>,
    shown: (value: T) => string = String,
  ): T {
    const reason = parsed.problem === undefined ? '' : problems[parsed.problem];
    this.#attributes.report(attribute, parsed.problem === undefined, shown(parsed.value), reason);
    return parsed.value;
  }

  /** A problem as the reader should see it: in the element's language when it has a code, else its message. */
  protected describe(cause: unknown): string {
    return describeProblem(cause, this.lang_);
  }
  protected emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
  }
  /** The status line and the error box (with the poster and the `share` part). */
  protected renderStatus(): TemplateResult {
    const poster = this.poster ?? this.defaultPoster?.() ?? null;
    // Without an id there is nothing a link could point at: no share button then.
    const share = this.shows('share') && this.id;
    const remember = (link: string) => (this.sharedLink = link);
    const strings = SHARED_STRINGS[this.lang_];
    return status.renderStatusView({
      statusText: this.statusText,
      poster: status.renderPoster(poster, this.firstOutputShown, strings),
      share: share ? shareable.renderShareRow(this.#host, this.sharedLink, remember) : nothing,
      errors: Object.values(this.errorMessages),
      dismissLabel: strings.dismiss,
      dismiss: () => (this.errorMessages = {}),
    });
  }
}
