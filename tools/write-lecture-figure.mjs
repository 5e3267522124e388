// Writes the lecture's "GAN against VAE" figure into both lecture pages, between the markers
// <!-- gan-vs-vae --> and <!-- /gan-vs-vae -->: the three 8 × 8 grids the digits GAN's training
// script draws (real test digits, the VAE's samples, the GAN's samples) and the three figures its
// card measures for each, read from weights/gan-digits/metrics.json. Run it after
// `npm run train:gan` (or its --eval-only): `node tools/write-lecture-figure.mjs`. A test checks
// that the pages and the card agree.
import { readFileSync, writeFileSync } from 'node:fs';

const metrics = JSON.parse(readFileSync('weights/gan-digits/metrics.json', 'utf8'));
const GRIDS = '../dist/weights/gan-digits/';

/** The figures, by row: [metric key, real test digits, VAE, GAN, decimals]. */
const ROWS = [
  ['frechet', metrics.test_digits_frechet_train_half, metrics.vae_frechet, metrics.frechet, 2],
  [
    'class_entropy',
    metrics.test_digits_class_entropy,
    metrics.vae_class_entropy,
    metrics.class_entropy,
    3,
  ],
  [
    'mean_confidence',
    metrics.test_digits_mean_confidence,
    metrics.vae_mean_confidence,
    metrics.mean_confidence,
    3,
  ],
];

const ganAhead = metrics.frechet < metrics.vae_frechet;
const sharper = metrics.mean_confidence > metrics.vae_mean_confidence;

const TEXT = {
  en: {
    heading: 'Back to digits: the GAN against the VAE',
    intro: `The VAE section ended on blurry averages. Here both models draw handwritten digits
          from noise: 64 samples of the GAN's generator, 64 of the VAE's decoder (random codes, the
          mean of each pixel), and 64 real test digits for comparison. A digit classifier trained on
          MNIST judges all three: how far the samples' features lie from real digits' (the
          <em>Fréchet distance</em>, lower is more realistic), whether all ten digits appear
          (<em>class entropy</em>, ln 10 ≈ 2.303 when all ten are equally common), and how sure it
          is of each sample (<em>confidence</em>: sharp, readable digits score near 1).`,
    verdict: ganAhead
      ? `The GAN's digits are the more realistic ones${sharper ? ', and the sharper' : ''}: the VAE, trained to be close to each training image pixel by pixel, draws averages; the GAN, trained only to fool a critic, draws strokes.`
      : `With these weights the VAE's samples still score closer to real digits than the GAN's${sharper ? ", though the GAN's are the sharper ones" : ''}: these are small networks trained for under an hour on two processor cores, and the lecture's picture is that of larger GANs trained for longer.`,
    alt: {
      real: '64 real handwritten digits from the MNIST test set',
      vae: "64 digits drawn by the VAE's decoder from random codes",
      gan: "64 digits drawn by the GAN's generator from random noise",
    },
    measure: 'Measure',
    columns: ['Real digits', 'VAE', 'GAN'],
    rows: {
      frechet: 'Fréchet distance to the test digits (lower = more realistic)',
      class_entropy: 'Class entropy (2.303 = all ten digits equally)',
      mean_confidence: "Classifier's confidence (sharp, readable digits)",
    },
    caption: `Samples and figures from the bundled weights, measured by <code>npm run train:gan</code> on
            10,000 samples of each (the model card <code>weights/gan-digits/MODEL_CARD.md</code>). For the real
            digits, the Fréchet distance is that of 10,000 training digits to the test digits: the floor.`,
  },
  'zh-Hans': {
    heading: '回到手写数字：GAN 对 VAE',
    intro: `VAE 那一节以模糊的平均结束。这里两个模型都从噪声画出手写数字：GAN 生成器的 64 个样本、
          VAE 解码器的 64 个样本（随机编码，每个像素取均值），以及 64 个真实的测试数字作对照。
          一个在 MNIST 上训练的数字分类器为三者打分：样本的特征离真实数字有多远（<em>Fréchet 距离</em>，越低越逼真）、
          十个数字是否都出现（<em>类别熵</em>，十个数字一样多时为 ln 10 ≈ 2.303），以及它对每个样本有多确定
          （<em>置信度</em>：清晰易读的数字接近 1）。`,
    verdict: ganAhead
      ? `GAN 画的数字更逼真${sharper ? '，也更清晰' : ''}：VAE 被训练成逐像素地接近每张训练图片，于是画出平均；GAN 只被训练去骗过一个评判者，于是画出笔画。`
      : `用这一版权重，VAE 的样本在分数上仍比 GAN 的更接近真实数字${sharper ? '，不过 GAN 的样本更清晰' : ''}：这里的网络都很小，只在两个处理器核心上训练了不到一小时；讲义描述的是更大、训练更久的 GAN。`,
    alt: {
      real: 'MNIST 测试集中的 64 个真实手写数字',
      vae: 'VAE 解码器从随机编码画出的 64 个数字',
      gan: 'GAN 生成器从随机噪声画出的 64 个数字',
    },
    measure: '指标',
    columns: ['真实数字', 'VAE', 'GAN'],
    rows: {
      frechet: '到测试数字的 Fréchet 距离（越低越逼真）',
      class_entropy: '类别熵（2.303 = 十个数字一样多）',
      mean_confidence: '分类器的置信度（清晰易读的数字）',
    },
    caption: `样本和数值都来自随包附带的权重，由 <code>npm run train:gan</code> 对每种各 10,000 个样本测得
            （见模型卡 <code>weights/gan-digits/MODEL_CARD.md</code>）。真实数字一栏的 Fréchet 距离是 10,000 个训练数字
            到测试数字的距离：也就是下限。`,
  },
};

function figure(t) {
  const cell = (value, decimals) => value.toFixed(decimals);
  const image = (file, alt) =>
    `<img src="${GRIDS}${file}" width="242" height="242" loading="lazy" alt="${alt}" />`;
  return `<!-- gan-vs-vae -->
        <h3 id="gan-vs-vae">${t.heading}</h3>
        <p>
          ${t.intro}
        </p>
        <figure id="gan-vs-vae-figure">
          <div class="sample-grids">
            <figure>${image('test-digits.png', t.alt.real)}<figcaption>${t.columns[0]}</figcaption></figure>
            <figure>${image('vae-samples.png', t.alt.vae)}<figcaption>${t.columns[1]}</figcaption></figure>
            <figure>${image('samples.png', t.alt.gan)}<figcaption>${t.columns[2]}</figcaption></figure>
          </div>
          <table>
            <thead><tr><th scope="col">${t.measure}</th><th scope="col">${t.columns.join('</th><th scope="col">')}</th></tr></thead>
            <tbody>
${ROWS.map(
  ([key, real, vae, gan, decimals]) =>
    `              <tr data-metric="${key}"><th scope="row">${t.rows[key]}</th><td data-model="real">${cell(real, decimals)}</td><td data-model="vae">${cell(vae, decimals)}</td><td data-model="gan">${cell(gan, decimals)}</td></tr>`,
).join('\n')}
            </tbody>
          </table>
          <figcaption>
            ${t.caption}
          </figcaption>
        </figure>
        <p>${t.verdict}</p>
        <!-- /gan-vs-vae -->`;
}

for (const [file, lang] of [
  ['demo/lecture.html', 'en'],
  ['demo/lecture.zh-Hans.html', 'zh-Hans'],
]) {
  const page = readFileSync(file, 'utf8');
  const block = /<!-- gan-vs-vae -->[\s\S]*?<!-- \/gan-vs-vae -->/;
  if (!block.test(page))
    throw new Error(`${file} has no <!-- gan-vs-vae --> … <!-- /gan-vs-vae --> block.`);
  writeFileSync(file, page.replace(block, figure(TEXT[lang])));
  console.log(`${file}: the GAN against the VAE, from weights/gan-digits/metrics.json`);
}
