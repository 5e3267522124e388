/** The digit VAE (models/digit-vae.ts) as the page sees it: the same calls, run by the host. */
import type { CodeDistribution } from '../models/plain-types.js';
import type { FineTuneOptions } from '../runtime/step-loop.js';
import type { TrainingResult } from '../runtime/training-result.js';
import { RemoteModel } from './remote-model.js';
import { trainingCall } from './training-call.js';

export type { CodeDistribution };

interface VaeInfo {
  latentSize: number;
  weightBytes: number;
}

export class VaeProxy extends RemoteModel<VaeInfo> {
  static async open(): Promise<VaeProxy> {
    const { connection, handle, info } = await RemoteModel.create<VaeInfo>('digit-vae', []);
    return new VaeProxy(connection, handle, info);
  }

  get latentSize(): number {
    return this.info.latentSize;
  }

  /** q(c | x) for each digit (784 intensities each). */
  encode(digits: Float32Array[]): Promise<CodeDistribution[]> {
    return this.call('encode', [digits]);
  }

  /** Decoder means for `count` codes laid end to end → count × 784 intensities. */
  decode(codes: Float32Array, count: number): Promise<Float32Array> {
    return this.call('decode', [codes, count]);
  }

  imageLosses(digit: Float32Array): Promise<{ reconstruction: number; kl: number }> {
    return this.call('imageLosses', [digit]);
  }

  fineTune(digits: Float32Array[], options: FineTuneOptions = {}): Promise<TrainingResult> {
    return this.call(...trainingCall('fineTune', [digits], options));
  }
}
