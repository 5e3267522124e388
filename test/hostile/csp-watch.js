// Records every CSP violation of the page, for the test that opens it in an iframe.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(
    `${event.violatedDirective}: ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
  );
});

// Under Trusted Types, a page lets the package start its worker with a default policy that
// admits the worker's own URL (the recipe in docs/strict-pages.md);
// `policy=trusted-types-bare` has none.
if (new URLSearchParams(location.search).get('policy') === 'trusted-types') {
  window.trustedTypes.createPolicy('default', {
    createScriptURL: (url) =>
      new URL(url, location.href).origin === location.origin && /\/model-worker\.js$/.test(url)
        ? url
        : null,
  });
}
