import 'generative-elements';
import type {} from 'generative-elements/jsx';

export function App() {
  return (
    <main>
      <vae-latent-explorer grid-size="5" show-noise />
      <gan-arena mode="2d" running />
      <pixel-rnn-canvas temperature={0.8} />
      <sentence-morph from="a" to="b" steps="5" />
    </main>
  );
}
