// The local run's clock: moves engine and service time forward so a month of dunning passes in a minute.
import { api } from './api.js';
import { h, localTime } from './dom.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export function mountClock(element, app) {
  const now = h('span', { class: 'now', 'data-testid': 'clock-now', title: 'The local run’s time' }, '…');
  const status = h('span', { class: 'status', 'data-testid': 'clock-status', role: 'status' });
  let current = null;

  const show = (clock) => {
    current = new Date(clock.now);
    now.textContent = localTime(clock.now);
    now.dataset.instant = clock.now;
  };

  const move = async (label, days) => {
    buttons.forEach((b) => { b.disabled = true; });
    status.textContent = `Moving ${label}…`;
    try {
      const moved = await api.post('/api/v1/dev/clock', { advance: `P${days}D` });
      show(moved);
      status.textContent = `Moved ${days} ${days === 1 ? 'day' : 'days'}: ${moved.timersFired} ${moved.timersFired === 1 ? 'timer' : 'timers'} fired`
        + (moved.stepLimitReached ? ' (the rest in one jump)' : '');
      await app.refresh();
    } catch (error) {
      status.textContent = `Clock not moved: ${error.message}`;
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  };

  const button = (testId, text, title, days) =>
    h('button', { type: 'button', 'data-testid': testId, title, onclick: () => move(title, days()) }, text);
  const buttons = [
    button('clock-plus-day', '+1 day', '1 day', () => 1),
    button('clock-plus-week', '+1 week', '1 week', () => 7),
    button('clock-plus-month', '+1 month', '1 month', () => daysToSameDateNextMonth(current || new Date())),
  ];

  element.replaceChildren(h('span', {}, 'Clock'), now, ...buttons, status);
  const read = () => api.get('/api/v1/dev/clock').then(show).catch((error) => {
    now.textContent = `unknown (${error.message})`;
  });
  read();
  // Real time passes too; keep the display roughly right without a move.
  window.setInterval(() => { if (!buttons[0].disabled) read(); }, 60_000);
}

/** Days from the date (in the browser's zone) to the same date next month; 31 January → 28 or 29 February. */
export function daysToSameDateNextMonth(date) {
  const y = date.getFullYear();
  const m = date.getMonth();
  const d = date.getDate();
  const lastOfNext = new Date(Date.UTC(y, m + 2, 0)).getUTCDate();
  const next = Date.UTC(y, m + 1, Math.min(d, lastOfNext));
  return Math.round((next - Date.UTC(y, m, d)) / DAY_MS);
}
