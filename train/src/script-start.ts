// What every training script does first: start TF.js on WASM, load MNIST (a few hundred digits in
// smoke mode), and log with the seconds since the start.
import { initNodeWasm } from './node-tf.js';
import { loadMnist } from './mnist.js';

export async function startMnistScript(smoke: boolean) {
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const log = (message: string) =>
    console.log(`[${seconds().toFixed(0).padStart(5)} s] ${message}`);
  const tf = await initNodeWasm();
  const train = loadMnist('train', smoke ? 300 : Infinity);
  const test = loadMnist('t10k', smoke ? 200 : Infinity);
  log(`MNIST: ${train.count} training, ${test.count} test digits; backend ${tf.getBackend()}`);
  return { tf, train, test, log, seconds };
}
