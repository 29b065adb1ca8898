import { expect } from '@open-wc/testing';
import { applyCommand, describeProblem, numberMarkers, type PhoneNumber, type Snapshot } from '../../src/model/index.js';
import { fresh, numberOf } from './snapshots.js';

/** The markers of the number with this id. */
function markersOf(state: Snapshot, id: string) {
  return numberMarkers(state, numberOf(state, id));
}

/** The state with one number's fields replaced. */
function withNumber(state: Snapshot, id: string, changes: Partial<PhoneNumber>): Snapshot {
  return { ...state, numbers: state.numbers.map((n) => (n.id === id ? { ...n, ...changes } : n)) };
}

/** Work from Home (RE work-mobile) made the active status, through the model's own command. */
function workFromHomeActive(state: Snapshot = fresh()): Snapshot {
  const applied = applyCommand(state, { type: 'status/activate', id: 'c-act', statusId: 'work-from-home' });
  if (!applied.ok) throw new Error(describeProblem(applied.problem));
  return applied.state;
}

/** The same account on a platform that is not MX-One, whatever its numbers say. */
function notMxOne(state: Snapshot): Snapshot {
  return { ...state, platform: { ...state.platform, kind: 'mivoice-business' } };
}

describe('numberMarkers', () => {
  it('NUM-1 marks the admin-provisioned remote extension, and plain numbers not at all', () => {
    const state = fresh();
    expect(markersOf(state, 'work-mobile')).to.deep.equal(['remote-extension', 'admin-provisioned', 'fmc']);
    expect(markersOf(state, 'mobile')).to.deep.equal([]);
    expect(markersOf(state, 'home')).to.deep.equal([]);
  });

  it('NUM-1 marks the active remote extension only while its status is active', () => {
    expect(markersOf(fresh(), 'work-mobile')).not.to.include('active-remote-extension');
    expect(markersOf(workFromHomeActive(), 'work-mobile')).to.deep.equal([
      'remote-extension',
      'admin-provisioned',
      'active-remote-extension',
      'fmc',
    ]);
  });

  it('NUM-1 lists every marker in one order: Remote Extension, administrator, active, FMC, Call Through', () => {
    const state = workFromHomeActive(withNumber(fresh(), 'work-mobile', { callThrough: true }));
    expect(markersOf(state, 'work-mobile')).to.deep.equal([
      'remote-extension',
      'admin-provisioned',
      'active-remote-extension',
      'fmc',
      'call-through',
    ]);
  });

  it('NUM-1 marks a user-created number by its own flags', () => {
    const state = withNumber(fresh(), 'mobile', { remoteExtension: true, fmc: true, callThrough: true });
    expect(markersOf(state, 'mobile')).to.deep.equal(['remote-extension', 'fmc', 'call-through']);
  });

  it('PLAT-1 gives no Remote Extension, active remote extension or Call Through marker off MX-One', () => {
    const state = notMxOne(workFromHomeActive(withNumber(fresh(), 'work-mobile', { callThrough: true })));
    expect(markersOf(state, 'work-mobile')).to.deep.equal(['admin-provisioned', 'fmc']);
    expect(markersOf(fresh({ kind: 'mivoice-business' }), 'work-mobile')).to.deep.equal(['admin-provisioned', 'fmc']);
  });
});
