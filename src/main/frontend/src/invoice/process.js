// The invoice's process as Operate shows it: each instance drawn with bpmn-js, done steps greyed, the current step
// highlighted, incidents in red.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { api } from '../api.js';
import { badge, errorBox, h, whenAttached, words } from '../dom.js';

const STATE_TONES = { ACTIVE: 'good', COMPLETED: 'muted', TERMINATED: 'bad' };
const MARKERS = [
  ['completedElementIds', 'done-step'],
  ['activeElementIds', 'current-step'],
  ['incidentElementIds', 'incident-step'],
];

let viewers = [];

/** Fills `section` once it is shown (bpmn-js needs its container's size); a diagram drawn before is let go. */
export async function drawProcess(section, invoiceId) {
  viewers.forEach((v) => v.destroy());
  viewers = [];
  try {
    const { instances } = await api.get(`/api/v1/invoices/${invoiceId}/process`);
    if (!(await whenAttached(section))) return;
    section.replaceChildren();
    for (const instance of instances) await drawInstance(section, instance);
  } catch (error) {
    section.replaceChildren(error.status === 404
      ? h('p', { class: 'empty' }, 'No process instance follows this invoice yet.')
      : errorBox(error));
  }
}

async function drawInstance(section, instance) {
  const canvasElement = h('div', { class: 'diagram' });
  const now = h('p', { class: 'muted' });
  section.append(h('div', {
    class: 'process-instance',
    'data-process-instance-key': instance.processInstanceKey,
    'data-bpmn-process-id': instance.bpmnProcessId,
    'data-state': instance.state,
  },
  h('h3', {}, instance.processName || instance.bpmnProcessId,
    badge(words(instance.state), { tone: STATE_TONES[instance.state], data: { state: instance.state } }),
    h('span', { class: 'muted' }, `#${instance.processInstanceKey}`),
    h('button', { type: 'button', onclick: () => viewer.get('canvas').zoom('fit-viewport', 'auto') }, 'Whole diagram')),
  now, canvasElement));

  const viewer = new NavigatedViewer({ container: canvasElement });
  viewers.push(viewer);
  await viewer.importXML(instance.bpmnXml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  for (const [field, marker] of MARKERS) {
    for (const id of instance[field] || []) {
      if (registry.get(id)) canvas.addMarker(id, marker);
    }
  }
  const focus = [...(instance.incidentElementIds || []), ...(instance.activeElementIds || [])].map((id) => registry.get(id));
  show(canvas, focus.find(Boolean));
  now.textContent = describe(instance, registry);
}

const READABLE = 0.8;

/** The whole diagram when it is readable so; a large one is shown around its current step instead. */
function show(canvas, element) {
  const scale = canvas.zoom('fit-viewport', 'auto');
  if (!element || scale >= READABLE * 0.7 || canvas.findRoot(element) !== canvas.getRootElement()) return;
  const { outer } = canvas.viewbox();
  const width = outer.width / READABLE;
  const height = outer.height / READABLE;
  canvas.viewbox({
    x: element.x + (element.width || 0) / 2 - width / 2,
    y: element.y + (element.height || 0) / 2 - height / 2,
    width,
    height,
  });
}

/** "Now at: Send reminder" in words, for readers of text rather than diagrams. */
function describe(instance, registry) {
  const name = (id) => registry.get(id)?.businessObject?.name || id;
  const parts = [];
  if (instance.activeElementIds?.length) parts.push(`Now at: ${instance.activeElementIds.map(name).join(', ')}`);
  if (instance.incidentElementIds?.length) parts.push(`Incident at: ${instance.incidentElementIds.map(name).join(', ')}`);
  return parts.join(' · ') || (instance.state === 'ACTIVE' ? 'Waiting' : `${words(instance.state)}`);
}
