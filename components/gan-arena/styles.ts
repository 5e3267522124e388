import { css } from 'lit';

export const arenaStyles = css`
  h2 {
    font-size: 1.1em;
    margin: 0 0 4px;
  }
  h3 {
    font-size: 1em;
    margin: 12px 0 6px;
  }
  .intro,
  .note {
    color: var(--_muted);
    margin: 0 0 8px;
  }
  .note {
    font-size: 0.9em;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, var(--ge-plane-size, 400px)) minmax(0, 1fr);
    gap: 16px;
    align-items: start;
  }
  .players {
    margin: 4px 0;
    font-variant-numeric: tabular-nums;
  }
  .players .moved {
    font-weight: 700;
    color: var(--_accent);
    text-decoration: underline;
  }
  .layout.single {
    grid-template-columns: minmax(0, var(--ge-plane-size, 400px));
  }
  @media (max-width: 720px) {
    .layout {
      grid-template-columns: 1fr;
    }
  }
  canvas.plane {
    width: 100%;
    aspect-ratio: 1;
    display: block;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: #fff;
    touch-action: none;
  }
  canvas.plane.custom {
    cursor: crosshair;
  }
  canvas.sheet {
    width: 100%;
    image-rendering: pixelated;
    display: block;
    background: #000;
    border-radius: 4px;
  }
  canvas.strip {
    width: 100%;
    image-rendering: pixelated;
    display: block;
    background: #000;
    border-radius: 4px;
    margin-top: 4px;
  }
  .legend {
    display: flex;
    gap: 12px;
    flex-wrap: wrap;
    font-size: 0.9em;
    color: var(--_muted);
    margin-top: 4px;
  }
  .dot {
    display: inline-block;
    width: 9px;
    height: 9px;
    border-radius: 50%;
    margin-right: 4px;
    vertical-align: middle;
  }
  .controls {
    display: flex;
    gap: 6px;
    flex-wrap: wrap;
    align-items: center;
    margin-bottom: 8px;
  }
  .settings {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 4px 10px;
    align-items: center;
    margin: 8px 0;
  }
  .settings input[type='number'] {
    width: 7em;
  }
  .readout {
    display: grid;
    grid-template-columns: auto auto;
    gap: 2px 12px;
    margin: 8px 0;
    font-variant-numeric: tabular-nums;
  }
  .readout dd {
    margin: 0;
    text-align: right;
  }
  .row {
    display: flex;
    gap: 8px;
    flex-wrap: wrap;
    align-items: center;
    margin: 6px 0;
  }
  ge-line-chart {
    margin-top: 8px;
  }
`;
