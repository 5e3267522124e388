import { css } from 'lit';

export const explorerStyles = css`
  h2 {
    font-size: 1.1em;
    margin: 0 0 4px;
  }
  h3 {
    font-size: 1em;
    margin: 12px 0 6px;
  }
  .intro {
    margin: 0 0 8px;
    color: var(--_muted);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, var(--ge-grid-size, 420px));
    gap: 16px;
    align-items: start;
  }
  @media (max-width: 720px) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .starters {
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
    max-height: 132px;
    overflow-y: auto;
  }
  .starters button {
    padding: 0;
    border: 2px solid transparent;
    background: #000;
    line-height: 0;
    border-radius: 3px;
  }
  .starters button[aria-pressed='true'] {
    border-color: var(--_accent);
  }
  .starters canvas {
    width: 28px;
    height: 28px;
    image-rendering: pixelated;
  }
  .pad-row {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    margin-top: 8px;
    flex-wrap: wrap;
  }
  .pad-actions {
    display: flex;
    flex-direction: column;
    gap: 6px;
    /* Beside the pad while there is room, under it on a phone; never wider than its column. */
    flex: 1 1 9em;
    min-width: 0;
    align-items: flex-start;
  }
  .numbers {
    margin: 8px 0 0;
    display: grid;
    grid-template-columns: auto auto;
    gap: 2px 12px;
  }
  .numbers dd {
    margin: 0;
    font-variant-numeric: tabular-nums;
    text-align: right;
  }
  .note {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 4px 0 0;
  }
  .grid-wrap {
    position: relative;
    width: 100%;
    aspect-ratio: 1;
    background: #000;
    border-radius: 4px;
    overflow: hidden;
    cursor: pointer;
  }
  .grid-wrap canvas,
  .grid-wrap svg {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }
  .grid-wrap canvas {
    image-rendering: pixelated;
  }
  .grid-wrap svg {
    pointer-events: none;
  }
  .axes {
    display: flex;
    gap: 12px;
    margin-top: 6px;
    flex-wrap: wrap;
    align-items: center;
  }
  .sliders {
    display: grid;
    grid-template-columns: auto 1fr 3.5em;
    gap: 2px 8px;
    align-items: center;
  }
  .sliders output {
    font-variant-numeric: tabular-nums;
    text-align: right;
  }
  .sliders .swept {
    color: var(--_accent);
  }
  .sigma {
    height: 4px;
    background: var(--_accent);
    opacity: 0.5;
    border-radius: 2px;
    grid-column: 2;
  }
  .strip {
    display: flex;
    gap: 2px;
    flex-wrap: wrap;
  }
  .code-map {
    margin: 12px 0 0;
  }
  .code-map figcaption {
    font-size: 0.85em;
    color: var(--_muted);
  }
  .code-map svg {
    width: 100%;
    max-width: var(--ge-grid-size, 420px);
    aspect-ratio: 1;
    background: var(--_bg);
    border: 1px solid var(--_border);
  }
  .map-legend {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    font-size: 0.85em;
  }
  .map-legend .dot {
    display: inline-block;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    margin-right: 3px;
  }
  .strip canvas {
    width: 48px;
    height: 48px;
    image-rendering: pixelated;
    background: #000;
  }
  .row {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
    align-items: center;
    margin: 6px 0;
  }
  details {
    margin-top: 12px;
    border-top: 1px solid var(--_border);
    padding-top: 8px;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  input[type='number'] {
    width: 5em;
  }
`;
