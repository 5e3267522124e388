/**
 * The context an element hands its parts (element-context.ts), made from the closures the base
 * class keeps for its own parts: one set of closures, so the element's parts and the base's own
 * see the element the same way.
 */
import type { ElementContext } from '../element-context.js';
import type { ElementHost } from './host.js';
import { renderWeightControls } from './weights.js';

export function elementContext<Strings>(
  host: ElementHost,
  strings: () => Strings,
): ElementContext<Strings> {
  const { element } = host;
  return {
    host: element,
    strings,
    lang: host.lang,
    shows: host.shows,
    showsEverything: host.showsEverything,
    ready: () => ['ready', 'training'].includes(host.getPhase()),
    isOnScreen: host.isOnScreen,
    whenOnScreen: host.whenOnScreen,
    isTraining: host.isTraining,
    nextSeed: host.nextSeed,
    root: () => element.renderRoot,
    modelReady: host.modelReady,
    guard: host.guard,
    showError: host.showError,
    clearError: host.clearError,
    describe: host.describe,
    emit: host.emit,
    runTraining: host.runTraining,
    stopTraining: () => element.stopTraining(),
    renderWeightControls: (storageName, ready) => renderWeightControls(host, storageName, ready),
    status: host.status,
  };
}
