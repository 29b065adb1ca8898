// Status switch, baseline: the least a page could do for the same click. A plain DOM page where a
// click handler sets the text of three spans (menu button, picker marker, footer), timed exactly
// as switch.js: t0; click; await a microtask (where switch.js awaits updateComplete); force style
// and layout; t1; then check the three spans show the new status.
import { forceLayout, settle, timed } from './lib.js';

const STATUSES = [
  { name: 'Available', device: 'Desk phone' },
  { name: 'In a Meeting', device: 'MiCollab softphone' },
];

const view = document.createElement('div');
const [menuLabel, pickerActive, footerLabel] = ['menu', 'picker', 'footer'].map((id) => {
  const span = document.createElement('span');
  span.id = id;
  return span;
});
const item = document.createElement('button');
item.type = 'button';
item.textContent = 'Switch';
let current = 0;
item.addEventListener('click', () => {
  current = 1 - current;
  const status = STATUSES[current];
  menuLabel.textContent = status.name;
  pickerActive.textContent = `${status.name}: Active`;
  footerLabel.textContent = status.device;
});
view.append(menuLabel, pickerActive, footerLabel, item);
document.body.append(view);

async function switchOnce() {
  const t0 = performance.now();
  item.click();
  await Promise.resolve();
  forceLayout([view], { div: null });
  const t1 = performance.now();
  if (footerLabel.textContent !== STATUSES[current].device) throw new Error('The baseline did not switch.');
  await settle([]);
  return t1 - t0;
}

window.bench = { run: (options) => timed(switchOnce, options) };
