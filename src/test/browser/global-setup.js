// Waits until the local run has its demo data in the engine: the priority customer's invoice (acme-no DEMO-4) has
// opened its "Follow up personally" task, which the task spec completes.
const BASE = process.env.BROWSER_TEST_BASE_URL || 'http://127.0.0.1:8080';
const DEADLINE_MS = 180_000;

export default async function globalSetup() {
  if (process.env.BROWSER_TEST_NO_WAIT === '1') return; // a spec run against a service already in use
  const started = Date.now();
  let last = '';
  while (Date.now() - started < DEADLINE_MS) {
    try {
      const response = await fetch(`${BASE}/api/v1/tasks?creditorId=acme-no`);
      if (response.ok) {
        const tasks = await response.json();
        if (tasks.some((t) => t.elementId === 'Activity_FollowUpPersonally')) return;
        last = `${tasks.length} open tasks, none a priority follow-up yet`;
      } else {
        last = `GET /api/v1/tasks answered ${response.status}`;
      }
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`The demo data's priority follow-up task did not appear within ${DEADLINE_MS / 1000} s: ${last}`);
}
