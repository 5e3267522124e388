// The embed page's script (embed.html): one element from the page's URL, for course platforms
// that allow an iframe but no script, e.g.
//   embed.html?tag=gan-arena&mode=digits&controls=playback%20charts
// Only the package's tags and the attributes custom-elements.json documents for them pass; their
// values go in as attributes, which the element checks as it checks any page's attributes. No
// HTML is made from the URL: the element is created by name, the messages are text. The page
// tells its parent its height and the element's events through postMessage.
import './generative-elements.js';

const main = document.querySelector('main');
const params = new URLSearchParams(location.search);

/** A visible refusal: text only. */
function refuse(text) {
  const box = document.createElement('p');
  box.setAttribute('role', 'alert');
  box.className = 'refused';
  box.textContent = text;
  main.append(box);
  tell('refused', { message: text });
}

/** The package's elements, as custom-elements.json documents them (it holds only the public ones). */
async function documentedElements() {
  const manifest = await (await fetch(new URL('./custom-elements.json', import.meta.url))).json();
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName);
}

/**
 * What the manifest documents for `tag`: its attribute names (and `lang`, the global attribute
 * every element reads for its language) and event names.
 */
function documented(elements, tag) {
  const declaration = elements.find((d) => d.tagName === tag);
  return {
    attributes: new Set(['lang', ...(declaration?.attributes ?? []).map((a) => a.name)]),
    events: (declaration?.events ?? []).map((e) => e.name),
  };
}

/**
 * To the parent page (any origin: an embed does not know who embeds it), as docs/teaching-kit.md gives it:
 * `{type: 'generative-elements:<kind>', …}`.
 */
function tell(kind, payload) {
  if (window.parent === window) return;
  const type = `generative-elements:${kind}`;
  try {
    window.parent.postMessage({ type, ...payload }, '*');
  } catch {
    // A detail that cannot be cloned goes as its JSON-safe part.
    window.parent.postMessage({ type, ...JSON.parse(JSON.stringify(payload)) }, '*');
  }
}

async function embed() {
  const tag = params.get('tag') ?? '';
  const elements = await documentedElements();
  const tags = elements.map((element) => element.tagName).sort();
  if (!tags.includes(tag)) {
    refuse(`This embed shows one of ${tags.join(', ')}: "tag=${tag}" is not one of them.`);
    return;
  }
  const { attributes, events } = documented(elements, tag);
  const rejected = [...params.keys()].filter((name) => name !== 'tag' && !attributes.has(name));
  if (rejected.length > 0) {
    refuse(
      `<${tag}> has no attribute ${rejected.map((name) => `"${name}"`).join(', ')}; ` +
        `its attributes are: ${[...attributes].join(', ')}.`,
    );
    return;
  }
  const element = document.createElement(tag);
  for (const [name, value] of params) if (name !== 'tag') element.setAttribute(name, value);
  // An iframe shows its element at once: no waiting for it to scroll into view.
  if (!params.has('loading')) element.setAttribute('loading', 'eager');
  for (const name of events)
    element.addEventListener(name, (event) => tell('event', { tag, name, detail: event.detail }));
  main.append(element);
}

// The height the parent should give the iframe, whenever it changes.
let lastHeight = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== lastHeight) tell('height', { height: (lastHeight = height) });
}).observe(document.documentElement);

embed().catch((error) => refuse(`The embed could not start: ${error.message}`));
