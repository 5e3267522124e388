// Every UI string of <gan-arena>, in English and Simplified Chinese.
import type { Strings } from '../shared/i18n.js';
import type { ArenaProblem } from './attributes.js';

export const STRINGS: Strings<{
  title: string;
  intro2d: string;
  introDigits: string;
  play: string;
  pause: string;
  step: string;
  stepDiscriminator: string;
  stepGenerator: string;
  movedLast: Record<'generator' | 'discriminator' | 'both', string>;
  reset: string;
  distribution: string;
  distributions: Record<'ring' | 'grid' | 'moons' | 'line' | 'custom', string>;
  customHint: string;
  clearPoints: string;
  loss: string;
  losses: Record<'non-saturating' | 'minimax', string>;
  dSteps: string;
  gSteps: string;
  lrD: string;
  lrG: string;
  batchSize: string;
  round: string;
  roundsPerSecond: string;
  dLoss: string;
  gLoss: string;
  divergence: string;
  modes: string;
  legendReal: string;
  legendFake: string;
  legendArrows: string;
  legendMap: string;
  planeLabel: string;
  lossChart: string;
  divergenceChart: string;
  rounds: string;
  frames: string;
  samples: string;
  samplesNote: string;
  realDigits: string;
  latentWalk: string;
  newWalk: string;
  trainOn: string;
  trainOnBundled: string;
  trainOnMine: string;
  drawHere: string;
  addDrawing: string;
  addFiles: string;
  yourDigits: string;
  pretrained: string;
  exportWeights: string;
  needDigits: string;
  dLossNote: string;
  problems: Record<ArenaProblem, string>;
}> = {
  en: {
    title: 'GAN arena',
    intro2d:
      'The generator G turns noise into points; the discriminator D learns to tell them from the real ones (green). G never sees the data: it only follows D’s verdict, the pink arrows.',
    introDigits:
      'The generator G turns 64 numbers of noise into a digit; the discriminator D learns to tell real digits from G’s. Keep training and watch the samples change.',
    play: 'Play',
    pause: 'Pause',
    step: 'One round',
    stepDiscriminator: 'Step D only',
    stepGenerator: 'Step G only',
    movedLast: {
      generator: 'the generator moved last',
      discriminator: 'the discriminator moved last',
      both: 'both moved in the last round',
    },
    reset: 'Reset',
    distribution: 'Real data',
    distributions: {
      ring: 'Ring of 8',
      grid: 'Grid of 25',
      moons: 'Two moons',
      line: 'Line',
      custom: 'Your points',
    },
    customHint: 'Click or drag on the plane to add real points.',
    clearPoints: 'Clear points',
    loss: 'G’s loss',
    losses: {
      'non-saturating': 'non-saturating −log D(G(z))',
      minimax: 'minimax log(1 − D(G(z)))',
    },
    dSteps: 'D steps per round',
    gSteps: 'G steps per round',
    lrD: 'D learning rate',
    lrG: 'G learning rate',
    batchSize: 'Batch size',
    round: 'Round',
    roundsPerSecond: 'rounds/s',
    dLoss: 'D loss',
    gLoss: 'G loss',
    divergence: 'JS divergence (grid)',
    modes: 'Modes covered',
    legendReal: 'real',
    legendFake: 'generated',
    legendArrows: 'G’s gradient',
    legendMap: 'background: D’s belief (green = real, purple = generated)',
    planeLabel: 'Real and generated points over the discriminator’s decision map',
    lossChart: 'Losses over rounds',
    divergenceChart: 'Divergence between real and generated over rounds',
    rounds: 'rounds',
    frames: 'frames',
    samples: 'Samples from G',
    samplesNote: 'The bar under each sample is D’s belief that it is real.',
    realDigits: 'Real digits',
    latentWalk: 'Latent walk',
    newWalk: 'New walk',
    trainOn: 'Train on',
    trainOnBundled: 'bundled real digits',
    trainOnMine: 'my digits',
    drawHere: 'Draw a digit here',
    addDrawing: 'Add drawing',
    addFiles: 'Add image files',
    yourDigits: '{count} digit(s) of yours',
    pretrained: 'Start from the pretrained networks',
    exportWeights: 'Export weights',
    needDigits: 'Add some digits of your own first.',
    dLossNote:
      'D’s loss alone does not say whether G is good: watch the samples and the divergence.',
    problems: {
      modeUnknown: 'expected 2d or digits.',
      distributionUnknown: 'expected ring, grid, moons, line or custom.',
      stepsInvalid: 'must be a whole number from 0 to 20.',
      learningRateInvalid: 'must be a number above 0 and at most 1.',
      batchSizeNotANumber: 'not a number (8–512).',
      batchSizeOutOfRange: 'must be a whole number from 8 to 512.',
      lossUnknown: 'expected non-saturating or minimax.',
    },
  },
  'zh-Hans': {
    title: 'GAN 竞技场',
    intro2d:
      '生成器 G 把噪声变成点；判别器 D 学习把它们与真实的点（绿色）区分开。G 从不直接看到数据，只跟随 D 的判断——粉色箭头。',
    introDigits:
      '生成器 G 把 64 个噪声数变成一个数字；判别器 D 学习区分真实数字和 G 生成的数字。继续训练，观察样本的变化。',
    play: '开始',
    pause: '暂停',
    step: '训练一轮',
    stepDiscriminator: '只更新 D 一步',
    stepGenerator: '只更新 G 一步',
    movedLast: {
      generator: '最近更新的是生成器',
      discriminator: '最近更新的是判别器',
      both: '上一轮两者都更新了',
    },
    reset: '重置',
    distribution: '真实数据',
    distributions: {
      ring: '8 点圆环',
      grid: '25 点网格',
      moons: '双月',
      line: '直线',
      custom: '你的点',
    },
    customHint: '在平面上点击或拖动以添加真实点。',
    clearPoints: '清除点',
    loss: 'G 的损失',
    losses: { 'non-saturating': '非饱和 −log D(G(z))', minimax: '极小极大 log(1 − D(G(z)))' },
    dSteps: '每轮 D 的步数',
    gSteps: '每轮 G 的步数',
    lrD: 'D 的学习率',
    lrG: 'G 的学习率',
    batchSize: '批大小',
    round: '轮次',
    roundsPerSecond: '轮/秒',
    dLoss: 'D 的损失',
    gLoss: 'G 的损失',
    divergence: 'JS 散度（网格估计）',
    modes: '覆盖的模式',
    legendReal: '真实',
    legendFake: '生成',
    legendArrows: 'G 的梯度',
    legendMap: '背景：D 的判断（绿色 = 真实，紫色 = 生成）',
    planeLabel: '真实点与生成点，背景为判别器的决策图',
    lossChart: '各轮损失',
    divergenceChart: '各轮真实与生成分布之间的散度',
    rounds: '轮',
    frames: '帧',
    samples: 'G 生成的样本',
    samplesNote: '每个样本下方的条表示 D 认为它是真实的概率。',
    realDigits: '真实数字',
    latentWalk: '隐空间漫步',
    newWalk: '新的漫步',
    trainOn: '训练数据',
    trainOnBundled: '内置真实数字',
    trainOnMine: '我的数字',
    drawHere: '在这里写一个数字',
    addDrawing: '加入手写数字',
    addFiles: '加入图片文件',
    yourDigits: '你的数字：{count} 个',
    pretrained: '从预训练网络开始',
    exportWeights: '导出权重',
    needDigits: '请先加入一些你自己的数字。',
    dLossNote: '仅凭 D 的损失无法判断 G 的好坏：请观察样本和散度。',
    problems: {
      modeUnknown: '应为 2d 或 digits。',
      distributionUnknown: '应为 ring、grid、moons、line 或 custom。',
      stepsInvalid: '应为 0 到 20 之间的整数。',
      learningRateInvalid: '应为大于 0、不超过 1 的数。',
      batchSizeNotANumber: '不是数字（8–512）。',
      batchSizeOutOfRange: '应为 8 到 512 之间的整数。',
      lossUnknown: '应为 non-saturating 或 minimax。',
    },
  },
};
