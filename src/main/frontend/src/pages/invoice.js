// Built in issue 19 (placeholder until its page lands).
import { h } from '../dom.js';

export async function render(container) {
  container.append(h('p', { class: 'muted' }, 'This page is not built yet.'));
}
