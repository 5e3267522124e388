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

window.benchReady = true;
