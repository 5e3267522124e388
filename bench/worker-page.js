// The page side of bench/worker.mjs: the built package, in the worker or (?worker=0) on the main
// thread, with a record of every main-thread task over 50 ms.
import { configure } from '/dist/generative-elements.js';

if (new URLSearchParams(location.search).get('worker') === '0') configure({ worker: false });

window.longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });

/** The page's model connection (through the package's page-global registry). */
window.modelMemory = () => globalThis[Symbol.for('generative-elements.page')].connection.memory();

/** Adds an element (loading eagerly, seed 1, plus `attributes`) and waits for its first output. */
window.addElement = async (tag, attributes = {}) => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries({ loading: 'eager', seed: '1', ...attributes }))
    element.setAttribute(name, value);
  document.body.append(element);
  await element.ready;
  return element;
};

/** A 28×28 "1" (light on dark, like MNIST): training data for the digit models. */
window.digitOne = () => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 28;
  const context = canvas.getContext('2d');
  context.fillRect(0, 0, 28, 28);
  context.fillStyle = '#fff';
  context.fillRect(12, 4, 4, 20);
  return canvas;
};

window.benchReady = true;
