// Weights and network problems in every supported language, by Problem code (src/runtime/problem.ts).
// The values in braces come from the problem; a code missing here falls back to the English message.
import type { Strings } from './i18n.js';

type ProblemCode =
  | 'manifestHtml'
  | 'manifestNotJson'
  | 'notManifest'
  | 'tooManyTensors'
  | 'tooManyShards'
  | 'tooLarge'
  | 'badDtype'
  | 'noWeights'
  | 'truncated'
  | 'wrongSize'
  | 'pickManifest'
  | 'pickShard'
  | 'missingPick'
  | 'notOurs'
  | 'wrongModel'
  | 'wrongArchitecture'
  | 'noData'
  | 'corrupt'
  | 'missingTensor'
  | 'wrongShape'
  | 'notFinite'
  | 'fetchStatus'
  | 'fetchTimeout'
  | 'fetchNetwork'
  | 'fetchCancelled'
  | 'fetchHtml';

export const PROBLEM_STRINGS: Strings<Record<ProblemCode, string>> = {
  en: {
    manifestHtml:
      '{where} is an HTML page, not a weights manifest (a missing file answered by the site’s own page?).',
    manifestNotJson: '{where} is not JSON (it starts with "{start}").',
    notManifest: '{where} is not a TF.js weights manifest.',
    tooManyTensors:
      '{where} lists more than {limit} tensors; no model of this package has that many.',
    tooManyShards:
      '{where} lists more than {limit} shard files; no model of this package needs that many.',
    tooLarge:
      '{where} describes more than {limit} MB of weights; no model of this package is that large.',
    badDtype:
      '"{name}" in {where} has data type {dtype}; the models here read float32 (or float16 through quantization) and int32.',
    noWeights: '{where} lists no weights.',
    truncated: 'The weights in {where} are truncated: {got} bytes, the manifest needs {needed}.',
    wrongSize:
      'The weights in {where} are {got} bytes, the manifest describes {needed}: not the file it was made with.',
    pickManifest: 'Pick the model.json file together with its .bin file.',
    pickShard: 'Pick {name} together with its .bin file.',
    missingPick: '{manifest} needs the file {path}: pick it too.',
    notOurs: 'This model.json is not a generative-elements weights file.',
    wrongModel: 'These weights are for the "{found}" model, not "{expected}".',
    wrongArchitecture: 'These weights are for a different {model} architecture.',
    noData: 'The weights file lists no weights or its binary part is missing.',
    corrupt: 'The weights binary does not match its manifest (truncated or corrupt file?).',
    missingTensor: 'The weights file has no tensor named "{name}".',
    wrongShape: '"{name}" has shape {got} in the file, the model needs {needed}.',
    notFinite: '"{name}" contains NaN or infinite values.',
    fetchStatus: 'Could not load {url}: the server answered {status}.',
    fetchTimeout: 'Could not load {url}: no answer within {seconds} s.',
    fetchNetwork: 'Could not load {url}: the network request failed.',
    fetchCancelled: 'Loading {url} was cancelled.',
    fetchHtml:
      'Could not load {url}: the server answered with an HTML page (is the file missing?).',
  },
  'zh-Hans': {
    manifestHtml: '{where} 是一个 HTML 网页，而不是权重清单（文件缺失时网站返回了自己的页面？）。',
    manifestNotJson: '{where} 不是 JSON（开头为“{start}”）。',
    notManifest: '{where} 不是 TF.js 权重清单。',
    tooManyTensors: '{where} 列出了超过 {limit} 个张量；本软件包的模型都没有这么多。',
    tooManyShards: '{where} 列出了超过 {limit} 个分片文件；本软件包的模型都不需要这么多。',
    tooLarge: '{where} 描述的权重超过 {limit} MB；本软件包的模型都没有这么大。',
    badDtype:
      '{where} 中的“{name}”的数据类型为 {dtype}；这里的模型只读取 float32（或经量化的 float16）和 int32。',
    noWeights: '{where} 没有列出任何权重。',
    truncated: '{where} 中的权重不完整：只有 {got} 字节，清单需要 {needed} 字节。',
    wrongSize: '{where} 中的权重为 {got} 字节，清单描述的是 {needed} 字节：不是与之配套的文件。',
    pickManifest: '请同时选择 model.json 文件及其 .bin 文件。',
    pickShard: '请同时选择 {name} 及其 .bin 文件。',
    missingPick: '{manifest} 需要文件 {path}：请一并选择。',
    notOurs: '这个 model.json 不是 generative-elements 的权重文件。',
    wrongModel: '这些权重属于“{found}”模型，而不是“{expected}”。',
    wrongArchitecture: '这些权重属于另一种 {model} 结构。',
    noData: '权重文件没有列出权重，或缺少二进制部分。',
    corrupt: '权重二进制文件与清单不符（文件不完整或已损坏？）。',
    missingTensor: '权重文件中没有名为“{name}”的张量。',
    wrongShape: '文件中“{name}”的形状为 {got}，模型需要 {needed}。',
    notFinite: '“{name}”含有 NaN 或无穷大的值。',
    fetchStatus: '无法加载 {url}：服务器返回 {status}。',
    fetchTimeout: '无法加载 {url}：{seconds} 秒内没有响应。',
    fetchNetwork: '无法加载 {url}：网络请求失败。',
    fetchCancelled: '加载 {url} 已取消。',
    fetchHtml: '无法加载 {url}：服务器返回了一个 HTML 网页（文件是否缺失？）。',
  },
};
