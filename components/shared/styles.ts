// Styles every element shares: theming custom properties, focus rings, status and error lines.
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    --_accent: var(--ge-accent, #2563eb);
    --_fg: var(--ge-foreground, #1f2937);
    --_bg: var(--ge-background, #ffffff);
    --_muted: var(--ge-muted, #6b7280);
    --_border: var(--ge-border, #d1d5db);
    --_error: var(--ge-error, #b91c1c);
    --_radius: var(--ge-radius, 8px);
    display: block;
    font-family: var(
      --ge-font,
      system-ui,
      -apple-system,
      'Segoe UI',
      'PingFang SC',
      'Microsoft YaHei',
      sans-serif
    );
    font-size: var(--ge-font-size, 14px);
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 12px;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
    /* A control never makes its element wider than the page gives it (a long option, a file name). */
    max-width: 100%;
    min-width: 0;
  }
  label {
    max-width: 100%;
  }
  button {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 4px 10px;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: #fff;
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .status {
    color: var(--_muted);
    margin: 0;
    min-height: 1.4em;
  }
  .error {
    color: var(--_error);
    border: 1px solid currentColor;
    border-radius: calc(var(--_radius) / 2);
    padding: 6px 10px;
    margin: 8px 0;
    display: flex;
    gap: 8px;
    align-items: flex-start;
    justify-content: space-between;
  }
  .poster {
    display: block;
    max-width: min(100%, 420px);
    image-rendering: pixelated;
    border-radius: var(--_radius);
  }
  .error p {
    margin: 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  progress {
    width: 100%;
    accent-color: var(--_accent);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
