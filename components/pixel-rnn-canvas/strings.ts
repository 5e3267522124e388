// Every UI string of <pixel-rnn-canvas>, in English and Simplified Chinese.
import type { Strings } from '../shared/i18n.js';
import type { AttributeProblem } from './attributes.js';

export const STRINGS: Strings<{
  title: string;
  intro: string;
  generate: string;
  pause: string;
  resume: string;
  stop: string;
  oneHot: string;
  oneHotNote: string;
  sigmoid: string;
  sigmoidNote: string;
  digitsPanel: string;
  digitsNote: string;
  imageLabel: string;
  drawing: string;
  finished: string;
  nll: string;
  nllDensity: string;
  saturation: string;
  dataSaturation: string;
  prediction: string;
  predictionAt: string;
  predictionHint: string;
  drew: string;
  paper: string;
  ink: string;
  colour: string;
  meanColour: string;
  completion: string;
  completionIntro: string;
  heldOut: string;
  heldOutLabel: string;
  upload: string;
  drawHere: string;
  paintHere: string;
  useDrawing: string;
  clear: string;
  keepRows: string;
  complete: string;
  givenImage: string;
  fineTune: string;
  addFiles: string;
  addDrawing: string;
  trainingSet: string;
  clearTrainingSet: string;
  steps: string;
  startTraining: string;
  trainProgress: string;
  emptyTrainingSet: string;
  emojiCredit: string;
  digitsCredit: string;
  problems: Record<AttributeProblem, string>;
}> = {
  en: {
    title: 'PixelRNN',
    intro:
      'A recurrent network paints an image one pixel at a time, row by row, left to right. Each pixel is drawn from the distribution the network predicts from every pixel before it.',
    generate: 'Generate',
    pause: 'Pause',
    resume: 'Resume',
    stop: 'Stop',
    oneHot: '1-of-N colours (softmax)',
    oneHotNote:
      'Each pixel is one of {n} palette colours; the network outputs a probability for each.',
    sigmoid: 'RGB through a sigmoid',
    sigmoidNote:
      'Each pixel is an RGB triple; unsure between colours, the network predicts their average, and averages of colours are grey.',
    digitsPanel: 'Binary digits (softmax over ink and paper)',
    digitsNote: 'Each pixel is ink or paper; the network outputs the probability of each.',
    imageLabel: 'Image {n} of {count}',
    drawing: 'Drawing pixel {pixel} of {total}…',
    finished: 'Finished.',
    nll: '−log p(x): {value} nats per image',
    nllDensity:
      '−log p(x): {value} nats per image (a density over continuous RGB, so it can be negative)',
    saturation: 'colour saturation {all} (coloured pixels: {coloured})',
    dataSaturation: 'held-out emoji: {all} ({coloured})',
    prediction: 'What the model predicts',
    predictionAt: 'Image {image}, row {row}, column {column}',
    predictionHint: 'Hover over a drawn pixel to see what the model predicted there.',
    drew: 'drawn: {value}',
    paper: 'paper',
    ink: 'ink',
    colour: 'colour {n}',
    meanColour: 'predicted mean colour',
    completion: 'Completion',
    completionIntro: 'Give the top of an image; the model finishes it, {count} times.',
    heldOut: 'Held-out images',
    heldOutLabel: 'Held-out image {n}',
    upload: 'Upload an image',
    drawHere: 'Draw a digit here',
    paintHere: 'Paint the top of an emoji here: pick a colour, then click or drag',
    useDrawing: 'Use this',
    clear: 'Clear',
    keepRows: 'Keep the top {rows} rows',
    complete: 'Complete',
    givenImage: 'The given image (rows below the line are redrawn)',
    fineTune: 'Fine-tune on your images',
    addFiles: 'Add image files',
    addDrawing: 'Add drawing',
    trainingSet: '{count} image(s) in your training set, as the model sees them:',
    clearTrainingSet: 'Empty the set',
    steps: 'Steps',
    startTraining: 'Train',
    trainProgress: 'step {step}/{total} · −log p(x) {loss} nats per image',
    emptyTrainingSet: 'Add some images first.',
    emojiCredit: 'Twemoji graphics by Twitter, CC-BY 4.0.',
    digitsCredit:
      'MNIST digits by Yann LeCun, Corinna Cortes and Christopher J. C. Burges, CC BY-SA 3.0.',
    problems: {
      datasetUnknown: 'expected "emoji" or "digits".',
      encodingUnknown: 'expected "one-hot" or "sigmoid".',
      encodingDigits: 'the digits model has one encoding only (ink or paper).',
      compareDigits: 'the side-by-side comparison is for the emoji models.',
      temperatureInvalid: 'must be a number above 0.',
      temperatureClamped: 'the temperature goes from 0.05 to 5.',
      speedInvalid: 'expected a number of pixels per frame, or "instant".',
      speedClamped: 'from 1 to 784 whole pixels per frame.',
      countInvalid: 'expected a whole number from 1 to 16.',
      countClamped: 'from 1 to 16 images.',
    },
  },
  'zh-Hans': {
    title: 'PixelRNN',
    intro:
      '循环神经网络一次画一个像素，从上到下、从左到右。每个像素都从网络根据之前所有像素预测的分布中抽取。',
    generate: '生成',
    pause: '暂停',
    resume: '继续',
    stop: '停止',
    oneHot: '1-of-N 颜色（softmax）',
    oneHotNote: '每个像素是调色板 {n} 种颜色之一；网络为每种颜色输出一个概率。',
    sigmoid: '经 sigmoid 输出 RGB',
    sigmoidNote:
      '每个像素是一个 RGB 三元组；在几种颜色之间拿不准时，网络预测它们的平均值，而颜色的平均偏灰。',
    digitsPanel: '二值数字（墨迹与纸面上的 softmax）',
    digitsNote: '每个像素是墨迹或纸面；网络输出两者各自的概率。',
    imageLabel: '第 {n} 张图（共 {count} 张）',
    drawing: '正在画第 {pixel} 个像素（共 {total} 个）…',
    finished: '完成。',
    nll: '−log p(x)：每张图 {value} 奈特',
    nllDensity: '−log p(x)：每张图 {value} 奈特（连续 RGB 上的概率密度，可以为负）',
    saturation: '色彩饱和度 {all}（有色像素：{coloured}）',
    dataSaturation: '留出的表情图：{all}（{coloured}）',
    prediction: '模型的预测',
    predictionAt: '第 {image} 张图，第 {row} 行，第 {column} 列',
    predictionHint: '将鼠标移到已画出的像素上，查看模型在那里的预测。',
    drew: '画出：{value}',
    paper: '纸面',
    ink: '墨迹',
    colour: '颜色 {n}',
    meanColour: '预测的平均颜色',
    completion: '补全',
    completionIntro: '给出图像的上半部分，模型把它补完，共 {count} 次。',
    heldOut: '留出的图像',
    heldOutLabel: '留出的图像 {n}',
    upload: '上传图片',
    drawHere: '在这里写一个数字',
    paintHere: '在这里画出表情图的上半部分：先选颜色，再点击或拖动',
    useDrawing: '使用这张图',
    clear: '清除',
    keepRows: '保留最上面 {rows} 行',
    complete: '补全',
    givenImage: '给定的图像（线以下的行会重画）',
    fineTune: '用你的图像微调',
    addFiles: '添加图片文件',
    addDrawing: '添加手写图',
    trainingSet: '训练集中有 {count} 张图，模型看到的样子：',
    clearTrainingSet: '清空',
    steps: '步数',
    startTraining: '训练',
    trainProgress: '第 {step}/{total} 步 · −log p(x) 每张图 {loss} 奈特',
    emptyTrainingSet: '请先添加一些图像。',
    emojiCredit: 'Twemoji 图形由 Twitter 提供，CC-BY 4.0。',
    digitsCredit:
      'MNIST 数字由 Yann LeCun、Corinna Cortes 和 Christopher J. C. Burges 提供，CC BY-SA 3.0。',
    problems: {
      datasetUnknown: '应为 "emoji" 或 "digits"。',
      encodingUnknown: '应为 "one-hot" 或 "sigmoid"。',
      encodingDigits: '数字模型只有一种编码（墨迹或纸面）。',
      compareDigits: '并排比较只适用于表情模型。',
      temperatureInvalid: '必须是大于 0 的数。',
      temperatureClamped: '温度范围是 0.05 到 5。',
      speedInvalid: '应为每帧像素数，或 "instant"。',
      speedClamped: '每帧 1 到 784 个整像素。',
      countInvalid: '应为 1 到 16 的整数。',
      countClamped: '1 到 16 张图。',
    },
  },
};
