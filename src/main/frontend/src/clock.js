// The local run's clock: moves engine and service time forward so a month of dunning passes in a minute.
import { api } from './api.js';
import { h } from './dom.js';

export function mountClock(element, app) {
  element.append(h('span', {}, 'Clock: local run'));
}
