import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';

// linkedom is installed with a patch (patches/linkedom+*.patch) that keeps a node's event listeners only
// from its first addEventListener on; events must work as before.
test('events on linkedom nodes: listeners added, fired, bubbled, removed, and absent', () => {
  const { document } = parseHTML('<html><body><div id="outer"><p id="inner">text</p></div></body></html>') as unknown as { document: Document };
  const outer = document.getElementById('outer');
  const inner = document.getElementById('inner');
  assert.ok(outer && inner);
  const heard: string[] = [];
  const onInner = (): void => { heard.push('inner'); };
  inner.addEventListener('ping', onInner);
  outer.addEventListener('ping', () => heard.push('outer'));
  inner.dispatchEvent(new document.defaultView.Event('ping', { bubbles: true }));
  assert.deepEqual(heard, ['inner', 'outer']);
  inner.removeEventListener('ping', onInner);
  inner.dispatchEvent(new document.defaultView.Event('ping', { bubbles: false }));
  assert.deepEqual(heard, ['inner', 'outer']);
  // a node that never had a listener: removing one and dispatching are no-ops
  const lone = document.createElement('span');
  lone.removeEventListener('ping', onInner);
  assert.equal(lone.dispatchEvent(new document.defaultView.Event('ping')), true);
});
