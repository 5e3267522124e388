// The bench's measurements: the plan (repetitions per backend) and the targets, the built
// elements timed on their own pages, and the bench page bundle's measurements (bench/page.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, openPage } from './harness.mjs';

// Repetitions per backend. SwiftShader WebGPU is ~40x and the cpu backend ~30x slower than WASM.
// gan: seconds of <gan-arena> training watched after model-ready (2-d, and digits where listed),
// seconds of the 2-d model-alone loop, planeView() calls timed, and digits steps (warm-up, timed).
export const PLAN = {
  wasm: {
    weightLoads: 5,
    warmup: 10,
    repetitions: { 9: 200, 25: 50 },
    gan: {
      elementSeconds: 10,
      digitsElement: true,
      toySeconds: 5,
      planeViews: 50,
      digitsWarmup: 3,
      digitsRepetitions: 20,
    },
    pixelRnn: { drawings: 5, steps: 200 },
    sentenceVae: { morphs: 30, steps: 200 },
  },
  webgpu: {
    weightLoads: 3,
    warmup: 2,
    repetitions: { 9: 12, 25: 5 },
    gan: {
      elementSeconds: 10,
      digitsElement: false,
      toySeconds: 4,
      planeViews: 3,
      digitsWarmup: 1,
      digitsRepetitions: 2,
    },
    // 784 sequential steps on the software adapter take minutes: not measured there.
    pixelRnn: null,
    sentenceVae: { morphs: 2, steps: 10 },
  },
  cpu: {
    weightLoads: 3,
    warmup: 2,
    repetitions: { 9: 60, 25: 15 },
    gan: {
      elementSeconds: 10,
      digitsElement: false,
      toySeconds: 5,
      planeViews: 10,
      digitsWarmup: 1,
      digitsRepetitions: 4,
    },
    pixelRnn: { drawings: 1, steps: 30 },
    sentenceVae: { morphs: 5, steps: 30 },
  },
};

// Targets (fixed; the bench only reports whether they are met).
export const TARGET = {
  decode9Ms: 5,
  decode25Ms: 30,
  firstGridMs: 1500,
  ratio: 1,
  explorerGzipKB: 150,
  weightsMB: 1.5,
  ganRoundsPerSecond: 60, // WASM, 2-d, batch 64, every visual redrawn each frame (at least)
  ganLongTasks: 0, // WASM, main-thread tasks over 50 ms while <gan-arena> trains (at most)
  ganStepRatio: 1, // WASM, digits step: ours / tfjs-layers (at most)
  pixelDigitsMs: 1500, // WASM, 16 digits drawn pixel by pixel, values read back every step (at most)
  pixelEmojiMs: 500, // WASM, 16 emoji, the same way (at most)
  pixelStepRatio: 1, // WASM, per-pixel step: ours / tfjs-layers (at most)
  sentenceMorphMs: 150, // WASM, a 5-step greedy morph once the model is loaded (at most)
  sentenceStepRatio: 1, // WASM, decoder step: ours / tfjs-layers (at most)
};
// Measured here with GAN Lab, for comparison: iterations per second with its visuals on.
export const GAN_LAB = { ring: 9, default: 13 };

/** (2) Connect-to-first-grid of the first <vae-latent-explorer> on a page, from the built dist/. */
async function measureElement(browser, backend, origin) {
  const { page, close } = await openPage(browser, `${backend} element`);
  try {
    await page.goto(`${origin}/bench/element.html`, { waitUntil: 'load' });
    return await page.evaluate(async (backend) => {
      await customElements.whenDefined('vae-latent-explorer');
      const definedAtMs = performance.now();
      const element = document.createElement('vae-latent-explorer');
      element.setAttribute('loading', 'eager');
      element.setAttribute('backend', backend);
      const errors = [];
      let eventLoadMs = null;
      // With valid attributes and the bundled weights, any model-error means `ready` never resolves.
      const failed = new Promise((done) =>
        element.addEventListener('model-error', (event) => {
          errors.push(event.detail.message);
          done('error');
        }),
      );
      element.addEventListener('model-ready', (event) => (eventLoadMs = event.detail.loadMs));
      const t0 = performance.now();
      document.body.append(element);
      const outcome = await Promise.race([
        element.ready.then(() => 'ready'),
        failed,
        new Promise((done) => setTimeout(() => done('timeout'), 120_000)),
      ]);
      const firstGridMs = performance.now() - t0;
      return {
        outcome,
        firstGridMs: outcome === 'ready' ? firstGridMs : null,
        eventLoadMs,
        definedAtMs, // navigation start → element defined (module graph loaded)
        activeBackend: element.activeBackend,
        errors,
        fetched: performance.getEntriesByType('resource').map((entry) => entry.name),
      };
    }, backend);
  } finally {
    await close();
  }
}

/**
 * Where the digits <gan-arena> row cannot run: it needs the bundled real digits
 * (dist/weights/gan-digits/real-digits.json and its PNG); without model.json it starts from random
 * networks (pretrained="false"), which trains at the same speed.
 */
function digitsElementAssets() {
  const dir = join(DIST, 'weights', 'gan-digits');
  const json = join(dir, 'real-digits.json');
  if (!existsSync(json)) return { missing: 'dist/weights/gan-digits/real-digits.json' };
  let image;
  try {
    image = JSON.parse(readFileSync(json, 'utf8')).image;
  } catch {
    return { missing: 'a readable dist/weights/gan-digits/real-digits.json' };
  }
  if (typeof image !== 'string' || !existsSync(join(dir, image)))
    return { missing: `dist/weights/gan-digits/${image ?? '<its image>'}` };
  return { pretrained: existsSync(join(dir, 'model.json')) };
}

/**
 * (5), (6) The built <gan-arena> training with `running`: round events, the page's animation
 * frames, the element's own redraws (its plane or sample-sheet canvas being drawn) and main-thread
 * long tasks, over `seconds` of wall time from model-ready.
 */
async function measureGanElement(browser, backend, origin, mode) {
  const plan = PLAN[backend].gan;
  let pretrained = true;
  if (mode === 'digits') {
    const assets = digitsElementAssets();
    if (assets.missing) return { skipped: `${assets.missing} is missing` };
    pretrained = assets.pretrained;
  }
  const { page, close } = await openPage(browser, `${backend} gan-arena ${mode}`);
  try {
    // Without this TF.js flag, small ops on WebGPU silently run on the CPU path.
    const query = backend === 'webgpu' ? '?tfjsflags=WEBGPU_CPU_FORWARD:false' : '';
    await page.goto(`${origin}/bench/gan-element.html${query}`, { waitUntil: 'load' });
    const result = await page.evaluate(
      async ({ backend, mode, seconds, pretrained }) => {
        await customElements.whenDefined('gan-arena');
        const longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            longTasks.push({ start: entry.startTime, duration: entry.duration });
        }).observe({ type: 'longtask', buffered: true });
        // Every animation frame the page gets, and every redraw of the element's main canvas.
        const frames = [];
        let watching = true;
        const onFrame = () => {
          frames.push(performance.now());
          if (watching) requestAnimationFrame(onFrame);
        };
        requestAnimationFrame(onFrame);
        const redraws = [];
        const canvasClass = mode === '2d' ? 'plane' : 'sheet';
        const getContext = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (...args) {
          if (this.classList.contains(canvasClass)) redraws.push(performance.now());
          return getContext.apply(this, args);
        };

        const element = document.createElement('gan-arena');
        const attributes = {
          loading: 'eager',
          running: '',
          seed: '1',
          'batch-size': '64',
          backend,
        };
        if (mode === 'digits')
          Object.assign(attributes, {
            mode: 'digits',
            ...(pretrained ? {} : { pretrained: 'false' }),
          });
        for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
        const rounds = [];
        let lastRound = null;
        element.addEventListener('round', (event) => {
          rounds.push(performance.now());
          lastRound = event.detail;
        });
        const errors = [];
        const failed = new Promise((done) =>
          element.addEventListener('model-error', (event) => {
            errors.push(event.detail.message);
            done('error');
          }),
        );
        let loadMs = null;
        const ready = new Promise((done) =>
          element.addEventListener('model-ready', (event) => {
            loadMs = event.detail.loadMs;
            done('ready');
          }),
        );
        document.body.append(element);
        const outcome = await Promise.race([
          ready,
          failed,
          new Promise((done) => setTimeout(() => done('timeout'), 120_000)),
        ]);
        if (outcome !== 'ready') return { outcome, errors, attributes };
        const t0 = performance.now();
        await new Promise((done) => setTimeout(done, seconds * 1000));
        const t1 = performance.now();
        element.removeAttribute('running');
        watching = false;
        // Long-task entries arrive a little after the task: let them in.
        await new Promise((done) => setTimeout(done, 300));
        HTMLCanvasElement.prototype.getContext = getContext;
        const activeBackend = element.activeBackend;
        element.remove();
        const span = (t1 - t0) / 1000;
        const within = (times) => times.filter((t) => t >= t0 && t <= t1).length;
        const tasks = longTasks.filter(
          (task) => task.start + task.duration > t0 && task.start < t1,
        );
        return {
          outcome,
          attributes,
          activeBackend,
          loadMs,
          seconds: span,
          rounds: within(rounds),
          roundsPerSecond: within(rounds) / span,
          framesPerSecond: within(frames) / span,
          redrawsPerSecond: within(redraws) / span,
          lastRound,
          longTasks: {
            count: tasks.length,
            maxMs: tasks.length ? Math.max(...tasks.map((task) => task.duration)) : 0,
            totalMs: tasks.reduce((total, task) => total + task.duration, 0),
          },
          errors,
        };
      },
      { backend, mode, seconds: plan.elementSeconds, pretrained },
    );
    return mode === 'digits' ? { ...result, pretrained } : result;
  } finally {
    await close();
  }
}

/**
 * The measurements of the bench page bundle: (1), (3), (4) the decoder; (7), (8) the GAN, 2-d
 * model alone and the digits step, ours vs tfjs-layers; (9), (10) PixelRNN, whole drawings and
 * the per-pixel step vs tfjs-layers; (11), (12) the sentence VAE, a 5-step morph and the decoder
 * step vs tfjs-layers. Each: the window.bench method, the page's label, and its plan.
 */
const BENCH_PAGE_PARTS = {
  decoder: { method: 'run', label: 'bench', plan: (plan) => plan },
  gan: { method: 'gan', label: 'gan bench', plan: (plan) => plan.gan },
  pixelRnn: { method: 'pixelRnn', label: 'pixel-rnn bench', plan: (plan) => plan.pixelRnn },
  sentenceVae: {
    method: 'sentenceVae',
    label: 'sentence-vae bench',
    plan: (plan) => plan.sentenceVae,
  },
};

/** One of BENCH_PAGE_PARTS on the bench page, with the backend's plan for it. */
async function measureBenchPage(browser, backend, origin, part) {
  const { method, label, plan } = BENCH_PAGE_PARTS[part];
  const options = plan(PLAN[backend]);
  if (!options) return { skipped: 'too slow on this backend' };
  const { page, close } = await openPage(browser, `${backend} ${label}`);
  try {
    await page.goto(`${origin}/bench/page.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => 'bench' in window);
    return await page.evaluate(({ method, options }) => window.bench[method](options), {
      method,
      options: { backend, ...options },
    });
  } finally {
    await close();
  }
}

/** The [name, measure(browser, backend)] parts of a backend's run, in order. */
export function partsFor(backend, origin) {
  const onPage = (part) => [part, (browser) => measureBenchPage(browser, backend, origin, part)];
  return [
    ['element', (browser) => measureElement(browser, backend, origin)],
    onPage('decoder'),
    ['ganElement', (browser) => measureGanElement(browser, backend, origin, '2d')],
    ...(PLAN[backend].gan.digitsElement
      ? [['ganDigitsElement', (browser) => measureGanElement(browser, backend, origin, 'digits')]]
      : []),
    onPage('gan'),
    onPage('pixelRnn'),
    onPage('sentenceVae'),
  ];
}
