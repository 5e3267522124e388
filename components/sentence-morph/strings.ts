// Every UI string of <sentence-morph>, in English and Simplified Chinese.
import type { Strings } from '../shared/i18n.js';
import type { AttributeProblem } from './attributes.js';
import type { SentenceProblem } from '../../src/data/sentence-input.js';

export const STRINGS: Strings<{
  title: string;
  intro: string;
  fromLabel: string;
  toLabel: string;
  examples: string;
  examplesNone: string;
  swap: string;
  stepsLabel: string;
  decodingLabel: string;
  decodings: Record<'greedy' | 'sample' | 'beam', string>;
  morphButton: string;
  morphing: string;
  pathTitle: string;
  pathHelp: string;
  /** Beside a path remembered from earlier, while the model loads. */
  rememberedPath: string;
  endFrom: string;
  endTo: string;
  point: string;
  unknownWord: string;
  unknownSummary: string;
  allKnown: string;
  changedLegend: string;
  unknownLegend: string;
  inputProblems: Record<SentenceProblem, string>;
  fineTune: string;
  fineTuneHelp: string;
  fineTunePlaceholder: string;
  startTraining: string;
  stop: string;
  trainSteps: string;
  loss: string;
  trainedReport: string;
  emptyTrainingSet: string;
  credit: string;
  problems: Record<AttributeProblem, string>;
}> = {
  en: {
    title: 'Sentence morph',
    intro:
      'An encoder maps each sentence to a 64-dimensional code, and a decoder writes a sentence from a code, only in words it has read. It is trained like the lecture’s VAE, except that the codes of a whole batch, not of each sentence, are pulled towards N(0, I) (an MMD penalty, with a small KL): the codes stay precise, and codes drawn from N(0, I) still decode to sentences. The two sentences below become two points; the model decodes points at equal spacing on the straight line between them.',
    fromLabel: 'From',
    toLabel: 'To',
    examples: 'Held-out sentences',
    examplesNone: 'Pick an example…',
    swap: 'Swap',
    stepsLabel: 'Points between',
    decodingLabel: 'Decoding',
    decodings: { greedy: 'greedy (most likely word)', sample: 'sample', beam: 'beam search' },
    morphButton: 'Morph',
    morphing: 'Decoding…',
    pathTitle: 'The path',
    pathHelp: 'The first and last lines are the model’s reconstructions of the two sentences.',
    rememberedPath: 'Computed earlier by this model; shown while it loads, then made again.',
    endFrom: 'from',
    endTo: 'to',
    point: 'point {i} of {n}',
    unknownWord: 'has characters the model never saw in training (read as their bytes)',
    unknownSummary: 'Characters the model never saw in training (read as their bytes): {words}',
    allKnown: 'Every word is written with pieces the model learned.',
    changedLegend: 'changed from the line before',
    unknownLegend: 'unseen characters',
    inputProblems: {
      empty: '{which}: the sentence is empty. Type a sentence.',
      tooManyWords: '{which}: {count} words; the model reads at most {max}. Shorten it.',
      tooLong: '{which}: {count} pieces; the model reads at most {max}. Shorten it.',
    },
    fineTune: 'Fine-tune on your sentences',
    fineTuneHelp:
      'One sentence per line. The pieces stay fixed: a new word is learned as the pieces it is made of.',
    fineTunePlaceholder: 'The cat sat on the mat.\nThe dog slept by the door.',
    startTraining: 'Train',
    stop: 'Stop',
    trainSteps: 'Steps',
    loss: 'loss',
    trainedReport:
      'Trained {steps} steps on {used} sentences; {unknown} of {total} words had characters the model never saw.',
    emptyTrainingSet: 'Paste at least one sentence first.',
    credit:
      'Trained on WordNet’s example sentences and definitions (WordNet 3.1, © Princeton University, WordNet licence), State of the Union addresses and Moby-Dick (public domain).',
    problems: {
      stepsNotANumber: 'not a number (1–20).',
      stepsOutOfRange: 'outside 1–20.',
      decodingUnknown: 'expected greedy, sample or beam.',
    },
  },
  'zh-Hans': {
    title: '句子渐变',
    intro:
      '编码器把每个句子映射为一个 64 维编码，解码器再从编码写出句子，只用它读过的词。训练方式与讲义中的 VAE 相同，只是拉向 N(0, I) 的是一整批句子的编码，而不是每个句子各自的编码（MMD 惩罚，加一个很小的 KL 项）：编码保持精确，从 N(0, I) 抽取的编码仍能解码成句子。下面两个句子成为两个点；模型在两点之间的直线上等距取点并逐一解码。',
    fromLabel: '起点',
    toLabel: '终点',
    examples: '留出的句子',
    examplesNone: '选一个例子…',
    swap: '交换',
    stepsLabel: '中间点数',
    decodingLabel: '解码方式',
    decodings: { greedy: '贪心（最可能的词）', sample: '采样', beam: '束搜索' },
    morphButton: '渐变',
    morphing: '解码中…',
    pathTitle: '路径',
    pathHelp: '第一行和最后一行是模型对两个句子的重建。',
    rememberedPath: '这是此模型先前算出的结果，模型加载期间先显示，加载后重新计算。',
    endFrom: '起点',
    endTo: '终点',
    point: '第 {i} 点，共 {n} 点',
    unknownWord: '含有模型训练中从未见过的字符（按字节读取）',
    unknownSummary: '模型训练中从未见过的字符（按字节读取）：{words}',
    allKnown: '每个词都由模型学过的子词片段写成。',
    changedLegend: '与上一行相比有变化',
    unknownLegend: '未见过的字符',
    inputProblems: {
      empty: '{which}：句子为空。请输入一个句子。',
      tooManyWords: '{which}：共 {count} 个词；模型最多读 {max} 个词。请缩短。',
      tooLong: '{which}：共 {count} 个片段；模型最多读 {max} 个。请缩短。',
    },
    fineTune: '用你的句子微调',
    fineTuneHelp: '每行一个句子。子词片段固定不变：新词按组成它的片段来学习。',
    fineTunePlaceholder: 'The cat sat on the mat.\nThe dog slept by the door.',
    startTraining: '训练',
    stop: '停止',
    trainSteps: '步数',
    loss: '损失',
    trainedReport:
      '在 {used} 个句子上训练了 {steps} 步；{total} 个词中有 {unknown} 个含有模型从未见过的字符。',
    emptyTrainingSet: '请先粘贴至少一个句子。',
    credit:
      '训练数据：WordNet 的例句与释义（WordNet 3.1，© 普林斯顿大学，WordNet 许可）、美国国情咨文与《白鲸》（公有领域）。',
    problems: {
      stepsNotANumber: '不是数字（1–20）。',
      stepsOutOfRange: '超出 1–20。',
      decodingUnknown: '应为 greedy、sample 或 beam。',
    },
  },
};
