/**
 * The page's view of the served-models table: each model kind's create arguments, its facts, and
 * every call's argument and result types, all read from the table the host serves from. The page
 * imports only these types (never the models themselves), so no TF.js comes with them.
 */
import type { WeightsArtifacts, WeightsSource, BundledWeights } from '../runtime/weights-source.js';
import type { IMAGE_CONVERSIONS } from './image-service.js';
import type { ModelLookup, SERVED_MODELS, Transfer } from './served-models.js';

type Table = typeof SERVED_MODELS;

/** The models the host can make. */
export type ModelKind = keyof Table;

type Served<K extends ModelKind> = ReturnType<Table[K]>;

/** What `create(kind, args)` takes after the host's own lookup. */
export type CreateArgs<K extends ModelKind> = Table[K] extends (
  lookup: ModelLookup,
  ...args: infer Args
) => unknown
  ? Args
  : [];

/** The plain facts a model's creation and its weights calls answer with. */
export type InfoOf<K extends ModelKind> = ReturnType<Served<K>['info']> & ModelFacts;

/** What every model's facts tell. */
interface ModelFacts {
  /** The most bytes a weights file for this model can hold (every parameter as float32). */
  weightBytes: number;
}

/** The calls model-host.ts answers for every model (RemoteModel makes them). */
export interface WeightsCalls<Info> {
  loadWeights(source: WeightsSource | BundledWeights, settings: { fetchTimeoutMs?: number }): Info;
  setWeights(artifacts: WeightsArtifacts): Info;
  getWeights(): WeightsArtifacts;
  saveWeights(url: string): void;
}

/** A model's own calls (served-models.ts), each taking its arguments as one array. */
export type Calls<K extends ModelKind> = Served<K>['methods'];

/** The calls of the image service (handle 0): the user's images converted where models run. */
export type ImageCalls = typeof IMAGE_CONVERSIONS;

/** What a call's promise resolves to: the method's answer, arrays handed over or not. */
type Answer<Method> = Method extends (...args: never[]) => infer Result
  ? Awaited<Result> extends Transfer<infer Value>
    ? Value
    : Awaited<Result>
  : never;

export type CallName<C> = keyof C & string;
export type CallArgs<C, M extends keyof C> = C[M] extends (
  args: infer Args extends unknown[],
  ...rest: never[]
) => unknown
  ? Args
  : never;
export type CallResult<C, M extends keyof C> = Answer<C[M]>;
