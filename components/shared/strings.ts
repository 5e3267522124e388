// UI strings shared by every element, in every supported language.
import type { Strings } from './i18n.js';

export const SHARED_STRINGS: Strings<{
  waiting: string;
  startingRuntime: string;
  loadingWeights: string;
  ready: string;
  training: string;
  errorPrefix: string;
  dismiss: string;
  badAttribute: string;
  usingBundledWeights: string;
  backendActive: string;
  onMainThread: string;
  unknownBackend: string;
  expectedLoading: string;
  expectedInteger: string;
  randomSeed: string;
  unknownParts: string;
  badState: string;
  posterAlt: string;
  copyLink: string;
  weightsTitle: string;
  saveBrowser: string;
  loadBrowser: string;
  exportFiles: string;
  loadFiles: string;
  restoreBundled: string;
  saved: string;
}> = {
  en: {
    waiting: 'Waiting to scroll into view…',
    startingRuntime: 'Starting TensorFlow.js…',
    loadingWeights: 'Loading weights…',
    ready: 'Ready',
    training: 'Training…',
    errorPrefix: 'Problem',
    dismiss: 'Dismiss',
    badAttribute: '{attribute}="{value}": {reason} Using {fallback}.',
    usingBundledWeights: 'Using the bundled weights instead.',
    backendActive: 'backend: {backend}',
    onMainThread: 'on the main thread: no worker could start',
    unknownBackend: 'expected auto, webgpu, wasm or cpu.',
    expectedLoading: 'expected lazy or eager.',
    expectedInteger: 'expected an integer.',
    randomSeed: 'a random seed',
    unknownParts: 'this element has no part {unknown}; its parts are {known} (or all, none).',
    badState:
      'The link’s state for this figure could not be used ({reason}); showing the defaults.',
    copyLink: 'Copy a link to this figure',
    posterAlt: 'A preview of what this figure shows, until its model is ready',
    weightsTitle: 'Weights',
    saveBrowser: 'Save in browser',
    loadBrowser: 'Load from browser',
    exportFiles: 'Export files',
    loadFiles: 'Load files (model.json + .bin)',
    restoreBundled: 'Bundled weights',
    saved: 'Saved as {name}.',
  },
  'zh-Hans': {
    waiting: '等待滚动到可见区域…',
    startingRuntime: '正在启动 TensorFlow.js…',
    loadingWeights: '正在加载权重…',
    ready: '就绪',
    training: '训练中…',
    errorPrefix: '出现问题',
    dismiss: '关闭',
    badAttribute: '{attribute}="{value}"：{reason} 改用 {fallback}。',
    usingBundledWeights: '改用内置权重。',
    backendActive: '后端：{backend}',
    onMainThread: '在主线程上运行：无法启动 Worker',
    unknownBackend: '应为 auto、webgpu、wasm 或 cpu。',
    expectedLoading: '应为 lazy 或 eager。',
    expectedInteger: '应为整数。',
    randomSeed: '随机种子',
    unknownParts: '此元素没有部件 {unknown}；可用的部件为 {known}（或 all、none）。',
    badState: '链接中这个图的状态无法使用（{reason}）；显示默认设置。',
    copyLink: '复制指向此图的链接',
    posterAlt: '模型就绪前，此图内容的预览',
    weightsTitle: '权重',
    saveBrowser: '保存到浏览器',
    loadBrowser: '从浏览器加载',
    exportFiles: '导出文件',
    loadFiles: '加载文件（model.json + .bin）',
    restoreBundled: '内置权重',
    saved: '已保存为 {name}。',
  },
};
