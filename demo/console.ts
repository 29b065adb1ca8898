/**
 * A console onto the simulated platform: what the demo user's account holds, seen through a Store,
 * with the rules' verdicts beside each row. The elements themselves embed the same Store.
 */
import { html, render } from 'lit';
import {
  describeLockReason,
  describeProblem,
  deleteProblem,
  exampleNumber,
  findDevice,
  lockReasons,
  type Snapshot,
} from '../src/model/index.js';
import { isPlatformError, SimulatedPlatform, type SampleProfile } from '../src/platform/index.js';
import { SnapshotCache, Store, type StoreState } from '../src/store/index.js';

const platform = new SimulatedPlatform();
const store = new Store({ client: platform, cache: new SnapshotCache() });
const root = document.querySelector<HTMLElement>('#console');
let message = '';

function deviceLabel(state: Snapshot, id: string): string {
  return findDevice(state, id)?.label ?? id;
}

async function act(work: () => Promise<unknown>, done: string): Promise<void> {
  try {
    await work();
    message = done;
  } catch (error) {
    message = isPlatformError(error) ? error.message : String(error);
  }
  show(store.state);
}

function reset(profile: SampleProfile, done: string) {
  return () => act(() => platform.reset(profile), done);
}

function show(state: StoreState): void {
  if (!root) return;
  const data = state.data;
  render(
    html`
      <div class="controls">
        <button @click=${reset({}, 'Sample data restored.')}>Reset to sample data</button>
        <button @click=${reset({ kind: 'mivoice-business' }, 'Now a platform that is not MX-One.')}>
          Reset as not MX-One
        </button>
        <button @click=${reset({ adminRemoteExtension: false }, 'Now without an admin-provisioned remote extension.')}>
          Reset without admin-provisioned remote extension
        </button>
      </div>
      ${message ? html`<p class="note" role="status">${message}</p>` : null}
      ${state.phase === 'error' ? html`<p class="note">${state.loadError?.message}</p>` : null}
      ${data
        ? html`
            <p>
              ${data.platform.name} · user ${data.user.displayName} · version ${data.version} · shown from
              ${state.source} · example number ${exampleNumber(data.platform.dialPlan)}
            </p>
            <h2>My Numbers</h2>
            <table>
              <thead>
                <tr><th>Label</th><th>Number</th><th>Flags</th><th>Locked because</th><th>Delete</th></tr>
              </thead>
              <tbody>
                ${data.numbers.map((n) => {
                  const blocked = deleteProblem(data, n.id);
                  return html`<tr>
                    <td>${n.label}</td>
                    <td>${n.dial}</td>
                    <td>
                      ${[n.remoteExtension && 'Remote Extension', n.adminProvisioned && 'admin', n.fmc && 'FMC', n.callThrough && 'Call Through']
                        .filter(Boolean)
                        .join(', ')}
                    </td>
                    <td>${lockReasons(data, n.id).map(describeLockReason).join(' ') || '—'}</td>
                    <td>
                      ${blocked
                        ? describeProblem(blocked)
                        : html`<button @click=${() => act(() => store.deleteNumber(n.id), `${n.label} deleted.`)}>
                            Delete ${n.label}
                          </button>`}
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>
            <h2>Manage Status</h2>
            <table>
              <thead>
                <tr><th>Status</th><th>Remote Extension</th><th>Call Using</th><th>Send my calls to</th><th></th></tr>
              </thead>
              <tbody>
                ${data.statuses.map(
                  (s) => html`<tr>
                    <td>${s.name}</td>
                    <td>${s.remoteExtensionId ? deviceLabel(data, s.remoteExtensionId) : 'None'}</td>
                    <td>${deviceLabel(data, s.callUsing)}</td>
                    <td>${deviceLabel(data, s.sendCallsTo)}</td>
                    <td>
                      ${s.id === data.activeStatusId
                        ? 'Active'
                        : html`<button @click=${() => act(() => store.setActiveStatus(s.id), `${s.name} is active.`)}>
                            Make ${s.name} active
                          </button>`}
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          `
        : html`<p>${state.phase === 'loading' ? 'Loading…' : ''}</p>`}
    `,
    root,
  );
}

store.subscribe(show);
show(store.state);
void store.load();
