// <ge-line-chart>: one polyline per series scaled into the plot, the latest values in the legend,
// the axis bounds, and long series thinned to the chart's width.
import { expect } from '@open-wc/testing';
import '../../../components/shared/line-chart.js';
import type { ChartSeries, LineChart } from '../../../components/shared/line-chart.js';

async function chart(series: ChartSeries[], xLabel = 'step'): Promise<LineChart> {
  const element = document.createElement('ge-line-chart');
  element.series = series;
  element.xLabel = xLabel;
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const points = (element: LineChart, index = 0) =>
  element
    .shadowRoot!.querySelectorAll('polyline')
    [index].getAttribute('points')!
    .split(' ')
    .map((p) => p.split(',').map(Number));

describe('<ge-line-chart>', () => {
  it('draws each series from 0 (or its minimum) to its maximum, with the legend and axes', async () => {
    const element = await chart([
      { label: 'D', color: 'red', values: [1, 2, 3] },
      { label: 'G', color: 'blue', values: [3, 0.5] },
    ]);
    const root = element.shadowRoot!;
    expect(root.querySelectorAll('polyline').length).to.equal(2);
    expect(points(element)).to.deep.equal([
      [34, 71.3],
      [164, 38.7],
      [294, 6],
    ]);
    expect(points(element, 1)[0]).to.deep.equal([34, 6]);
    const legend = [...root.querySelectorAll('.legend > span')].map((span) => span.textContent);
    expect(legend).to.deep.equal(['D: 3.000', 'G: 0.500']);
    const texts = [...root.querySelectorAll('text')].map((t) => t.textContent.trim());
    expect(texts).to.deep.equal(['3.00', '0.00', 'step 3']);
    element.remove();
  });

  it('leaves out values that are not finite, and goes below 0 for negative values', async () => {
    const element = await chart([{ label: 'loss', color: 'red', values: [-1, NaN, 1, Infinity] }]);
    expect(points(element).length).to.equal(2);
    const texts = [...element.shadowRoot!.querySelectorAll('text')].map((t) =>
      t.textContent.trim(),
    );
    expect(texts.slice(0, 2)).to.deep.equal(['1.00', '-1.00']);
    element.remove();
  });

  it('thins a long series to about one point per unit of width, keeping the last', async () => {
    const values = Array.from({ length: 10000 }, (_, i) => Math.sin(i / 100));
    const element = await chart([{ label: 'wave', color: 'red', values }]);
    const drawn = points(element);
    expect(drawn.length).to.be.within(200, 262);
    expect(drawn[drawn.length - 1][0]).to.equal(294); // the last value, at the right edge
    element.remove();
  });
});
