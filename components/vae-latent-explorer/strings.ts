// Every UI string of <vae-latent-explorer>, in English and Simplified Chinese.
import type { Strings } from '../shared/i18n.js';
import type { AttributeProblem } from './attributes.js';

export const STRINGS: Strings<{
  title: string;
  intro: string;
  source: string;
  starters: string;
  starterLabel: string;
  drawHere: string;
  encodeDrawing: string;
  clear: string;
  upload: string;
  numbers: string;
  reconstruction: string;
  klTerm: string;
  numbersNote: string;
  grid: string;
  mapTitle: string;
  mapLabel: string;
  gridLabel: string;
  gridHelp: string;
  cellAnnouncement: string;
  sweepX: string;
  sweepY: string;
  dim: string;
  fixedDims: string;
  swept: string;
  noise: string;
  interpolation: string;
  interpolateTo: string;
  interpolateHint: string;
  steps: string;
  fineTune: string;
  addDrawing: string;
  addFiles: string;
  trainingSet: string;
  startTraining: string;
  stop: string;
  loss: string;
  emptyTrainingSet: string;
  clearTrainingSet: string;
  problems: Record<AttributeProblem, string>;
}> = {
  en: {
    title: 'VAE latent explorer',
    intro:
      'The encoder maps a digit to a 10-dimensional code (mean m, log-variance σ). The grid decodes codes that sweep two dimensions while the other eight stay fixed.',
    source: 'Starting image',
    starters: 'Test digits',
    starterLabel: 'Test digit {n}, a {label}',
    drawHere: 'Draw a digit here',
    encodeDrawing: 'Encode drawing',
    clear: 'Clear',
    upload: 'Upload image',
    numbers: 'This image in the objective',
    reconstruction: 'Reconstruction error −log p(x|c=m)',
    klTerm: 'KL term −½Σ(1+σ−m²−exp σ)',
    numbersNote: 'σ is the log-variance: the code is c = exp(σ/2)·e + m.',
    grid: 'Latent sweep',
    mapTitle:
      'Test digits in the plane of the swept dims (mean and σ ellipse, coloured by digit; + is the centre)',
    mapLabel:
      'Codes of {count} test digits in dims {a} and {b}, each with its σ ellipse, coloured by class',
    gridLabel: 'Grid of decoded digits. Arrow keys move, Enter makes the cell the new centre.',
    gridHelp: 'Click a cell (or use the arrow keys and Enter) to make it the new centre.',
    cellAnnouncement: 'Row {row}, column {column}: dim {a} = {x}, dim {b} = {y}',
    sweepX: 'Sweep →',
    sweepY: 'Sweep ↑',
    dim: 'dim {n}',
    fixedDims: 'The code',
    swept: 'swept',
    noise: 'Encoder σ (ellipse: one standard deviation)',
    interpolation: 'Interpolation',
    interpolateTo: 'Interpolate to…',
    interpolateHint: 'Now pick the digit to interpolate to.',
    steps: 'Steps',
    fineTune: 'Fine-tune on your digits',
    addDrawing: 'Add drawing',
    addFiles: 'Add image files',
    trainingSet: '{count} image(s) in your training set',
    startTraining: 'Train',
    stop: 'Stop',
    loss: 'step {step}/{total} · −ELBO {loss} nats · KL {kl} nats',
    emptyTrainingSet: 'Add some drawings or images first.',
    clearTrainingSet: 'Empty the set',
    problems: {
      gridSizeNotANumber: 'not a number (3–25).',
      gridSizeOutOfRange: 'must be a whole number from 3 to 25.',
      sweepDimsFormat: 'expected two dimension numbers, like "0,1".',
      sweepDimsOutOfRange: 'dimensions go from 0 to 9.',
      sweepDimsSame: 'the two dimensions must differ.',
      rangeInvalid: 'must be a number above 0 (at most 10).',
      rangeTooLarge: 'at most 10 standard deviations.',
      datasetUnknown: 'the only dataset is "digits".',
    },
  },
  'zh-Hans': {
    title: 'VAE 隐空间探索器',
    intro:
      '编码器把一个数字映射为 10 维编码（均值 m、对数方差 σ）。网格解码沿两个维度扫过的编码，其余八维保持不变。',
    source: '起始图像',
    starters: '测试集数字',
    starterLabel: '测试数字 {n}，是 {label}',
    drawHere: '在这里写一个数字',
    encodeDrawing: '编码手写数字',
    clear: '清除',
    upload: '上传图片',
    numbers: '这张图在目标函数中的数值',
    reconstruction: '重建误差 −log p(x|c=m)',
    klTerm: 'KL 项 −½Σ(1+σ−m²−exp σ)',
    numbersNote: 'σ 是对数方差：编码为 c = exp(σ/2)·e + m。',
    grid: '隐空间扫描',
    mapTitle: '测试数字在所扫描两维构成的平面中的位置（均值与 σ 椭圆，按数字着色；+ 为中心）',
    mapLabel: '{count} 个测试数字在第 {a}、{b} 维上的编码，每个带有 σ 椭圆，按类别着色',
    gridLabel: '解码数字网格。方向键移动，回车把该格设为新的中心。',
    gridHelp: '点击一格（或用方向键和回车）把它设为新的中心。',
    cellAnnouncement: '第 {row} 行，第 {column} 列：维度 {a} = {x}，维度 {b} = {y}',
    sweepX: '横向扫描 →',
    sweepY: '纵向扫描 ↑',
    dim: '维度 {n}',
    fixedDims: '编码',
    swept: '扫描中',
    noise: '编码器的 σ（椭圆：一个标准差）',
    interpolation: '插值',
    interpolateTo: '插值到…',
    interpolateHint: '请选择要插值到的数字。',
    steps: '步数',
    fineTune: '用你的数字微调',
    addDrawing: '加入手写数字',
    addFiles: '加入图片文件',
    trainingSet: '训练集中有 {count} 张图',
    startTraining: '训练',
    stop: '停止',
    loss: '第 {step}/{total} 步 · −ELBO {loss} 纳特 · KL {kl} 纳特',
    emptyTrainingSet: '请先加入一些手写数字或图片。',
    clearTrainingSet: '清空训练集',
    problems: {
      gridSizeNotANumber: '不是数字（应为 3–25）。',
      gridSizeOutOfRange: '应为 3 到 25 之间的整数。',
      sweepDimsFormat: '应为两个维度编号，例如 "0,1"。',
      sweepDimsOutOfRange: '维度编号为 0 到 9。',
      sweepDimsSame: '两个维度必须不同。',
      rangeInvalid: '应为大于 0 的数（最多 10）。',
      rangeTooLarge: '最多 10 个标准差。',
      datasetUnknown: '目前只有 "digits" 数据集。',
    },
  },
};
