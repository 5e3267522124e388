import { css } from 'lit';

export const morphStyles = css`
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
  .inputs {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
    gap: 12px;
  }
  .input label {
    font-weight: 600;
    display: block;
    margin-bottom: 2px;
  }
  textarea {
    display: block;
    width: 100%;
    max-width: 100%;
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 6px;
    resize: vertical;
  }
  .input select {
    max-width: 100%;
    margin-top: 4px;
  }
  .controls,
  .row {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
    margin: 8px 0;
  }
  input[type='number'] {
    width: 4.5em;
  }
  .path ol {
    margin: 0;
    padding-left: 0;
    list-style: none;
  }
  .path li {
    display: grid;
    grid-template-columns: 7em 1fr;
    gap: 8px;
    padding: 3px 0;
    border-bottom: 1px solid var(--_border);
  }
  .path li.end .sentence {
    font-weight: 600;
  }
  .path[aria-busy='true'] ol {
    opacity: 0.6;
  }
  /* A remembered path is there to be read while the model loads. */
  .path.remembered[aria-busy='true'] ol {
    opacity: 0.85;
  }
  .remembered-note {
    display: block;
    font-style: italic;
  }
  .where {
    color: var(--_muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  mark.changed {
    background: color-mix(in srgb, var(--_accent) 18%, transparent);
    color: var(--_fg);
    border-radius: 2px;
    padding: 0 1px;
  }
  .unknown {
    text-decoration: underline dotted var(--_error);
    text-underline-offset: 3px;
    color: var(--_error);
  }
  .legend {
    margin-left: 8px;
  }
  .legend > * {
    margin-right: 8px;
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
  .credit {
    color: var(--_muted);
    font-size: 0.85em;
    margin: 10px 0 0;
  }
`;
