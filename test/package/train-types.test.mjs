// train/ is type-checked with `npm run typecheck` on a machine that has only the root install:
// the root's devDependencies carry the training packages whose types the scripts import. They
// must be the versions train/ runs with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = JSON.parse(readFileSync('package.json', 'utf8'));
const train = JSON.parse(readFileSync('train/package.json', 'utf8'));

test("the root's copies of the training packages are train/'s versions", () => {
  const shared = Object.keys(train.dependencies).filter((name) => name in root.devDependencies);
  assert.deepEqual(shared.sort(), ['@petamoriken/float16', 'ml-kmeans', 'ml-matrix']);
  for (const name of shared)
    assert.equal(root.devDependencies[name], train.dependencies[name], name);
});
