import { css } from 'lit';

export const canvasStyles = css`
  h2 {
    font-size: 1.1em;
    margin: 0 0 4px;
  }
  h3 {
    font-size: 1em;
    margin: 8px 0 4px;
  }
  .intro {
    margin: 0 0 8px;
    color: var(--_muted);
  }
  .note {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 4px 0 0;
  }
  .controls {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
    margin: 8px 0;
  }
  .progress {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .layout {
    display: flex;
    gap: 16px;
    align-items: flex-start;
    flex-wrap: wrap;
  }
  .panels {
    display: flex;
    gap: 16px;
    flex-wrap: wrap;
  }
  .panel {
    width: var(--ge-canvas-size, 256px);
  }
  .panel h3 {
    margin-top: 0;
  }
  .images {
    display: grid;
    grid-template-columns: repeat(var(--columns), 1fr);
    gap: 2px;
    margin-top: 6px;
  }
  .image {
    position: relative;
    line-height: 0;
    background: #e5e7eb;
    outline: 1px solid var(--_border);
  }
  .dark .image,
  .image.dark {
    background: #000;
  }
  /* Pixelated upscaling: every model pixel stays a crisp square. */
  .image canvas,
  .image img {
    width: 100%;
    aspect-ratio: 1;
    image-rendering: pixelated;
    display: block;
  }
  .cursor {
    position: absolute;
    outline: 2px solid var(--_accent);
    box-shadow: 0 0 0 1px #fff;
    pointer-events: none;
  }
  .given-line {
    position: absolute;
    left: 0;
    right: 0;
    border-top: 2px dashed var(--_accent);
    pointer-events: none;
  }
  .given-mask {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    background: rgba(128, 128, 128, 0.6);
    pointer-events: none;
  }
  .numbers {
    font-size: 0.9em;
    margin: 6px 0 0;
    font-variant-numeric: tabular-nums;
    line-height: 1.4;
  }
  .prediction {
    width: 220px;
  }
  .prediction .where {
    margin: 0 0 4px;
    font-variant-numeric: tabular-nums;
  }
  .bars svg {
    width: 100%;
    height: 70px;
    display: block;
    color: var(--_fg);
  }
  .bars.sigmoid {
    display: flex;
    gap: 8px;
    align-items: flex-end;
  }
  .bars.sigmoid svg {
    width: 100px;
  }
  .swatch {
    width: 40px;
    height: 40px;
    border: 1px solid var(--_border);
    border-radius: 4px;
  }
  .held-out {
    display: flex;
    flex-wrap: wrap;
    gap: 2px;
  }
  .held-out button {
    padding: 0;
    line-height: 0;
    border: 1px solid var(--_border);
  }
  .held-out canvas {
    width: 32px;
    height: 32px;
    image-rendering: pixelated;
  }
  .image.small {
    width: 96px;
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
  .credit {
    color: var(--_muted);
    font-size: 0.85em;
    margin: 10px 0 0;
  }
`;
