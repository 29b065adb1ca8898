import { expect } from '@open-wc/testing';
import { chooseRemoteExtension, rebaseRouting, routingChange, type Snapshot, type StatusRouting } from '../../src/model/index.js';
import { fresh, routingOf, withStatus } from './snapshots.js';

/** The Remote Extension dropdown set to `remoteExtensionId` on status `id`: before, after, and what changed. */
function choose(state: Snapshot, id: string, remoteExtensionId: string | null) {
  const before = routingOf(state, id);
  return routingChange(state, before, chooseRemoteExtension(state, before, remoteExtensionId));
}

describe('routingChange and rebaseRouting (STAT-3, STAT-6, SYNC-6)', () => {
  describe('routingChange', () => {
    it('STAT-3 choosing a remote extension says Call Using and Send my calls to now use it, by its label', () => {
      expect(choose(fresh(), 'available', 'work-mobile')).to.deep.equal({
        kind: 'remote-extension',
        label: 'Remote Extension Work mobile',
      });
    });

    it('STAT-3 names a remote extension the state does not hold by its id', () => {
      const state = fresh();
      const before = routingOf(state, 'available');
      const after: StatusRouting = { ...before, remoteExtensionId: 'gone', callUsing: 'gone', sendCallsTo: 'gone' };
      expect(routingChange(state, before, after)).to.deep.equal({ kind: 'remote-extension', label: 'gone' });
    });

    it('STAT-6 choosing None on Work from Home says the calls now go to Desk phone, the platform default', () => {
      const change = choose(fresh(), 'work-from-home', null);
      expect(change.kind === 'cleared' && [change.device.kind, change.device.label]).to.deep.equal(['desk', 'Desk phone']);
    });

    it('STAT-6 with a hand-set Send my calls to, names the device Call Using went back to', () => {
      const state = withStatus(fresh(), 'work-from-home', { sendCallsTo: 'softphone' });
      const change = choose(state, 'work-from-home', null);
      expect(change.kind === 'cleared' && [change.device.kind, change.device.label]).to.deep.equal(['desk', 'Desk phone']);
    });

    it('STAT-6 with both set by hand, None moves nothing and says so', () => {
      const state = withStatus(fresh(), 'work-from-home', { callUsing: 'softphone', sendCallsTo: 'softphone' });
      expect(choose(state, 'work-from-home', null)).to.deep.equal({ kind: 'none' });
    });

    it('STAT-6 None on a status without a Remote Extension moves nothing', () => {
      expect(choose(fresh(), 'in-a-meeting', null)).to.deep.equal({ kind: 'none' });
    });
  });

  describe('rebaseRouting', () => {
    it('SYNC-6 keeps the same draft while its status and Remote Extension exist', () => {
      const state = fresh();
      const draft = chooseRemoteExtension(state, routingOf(state, 'in-a-meeting'), 'work-mobile');
      expect(rebaseRouting(state, draft)).to.equal(draft);
      const none = { ...routingOf(state, 'in-a-meeting'), callUsing: 'mobile' };
      expect(rebaseRouting(state, none)).to.equal(none);
    });

    it('SYNC-6 STAT-6 a Remote Extension removed meanwhile resets the draft to None, keeping what was set by hand', () => {
      const state = fresh();
      const draft: StatusRouting = { ...routingOf(state, 'work-from-home'), sendCallsTo: 'softphone' };
      const removed: Snapshot = { ...state, numbers: state.numbers.filter((n) => n.id !== 'work-mobile') };
      expect(rebaseRouting(removed, draft)).to.deep.equal({
        id: 'work-from-home',
        remoteExtensionId: null,
        callUsing: 'desk-phone',
        sendCallsTo: 'softphone',
      });
    });

    it('SYNC-6 PLAT-1 a platform without remote extensions resets the draft to None', () => {
      const state = fresh();
      const business: Snapshot = { ...state, platform: { ...state.platform, kind: 'mivoice-business' } };
      expect(rebaseRouting(business, routingOf(state, 'work-from-home'))).to.deep.include({ remoteExtensionId: null, callUsing: 'desk-phone' });
    });

    it('SYNC-6 a status removed meanwhile leaves no draft', () => {
      const state = fresh();
      const gone: Snapshot = { ...state, statuses: state.statuses.filter((s) => s.id !== 'in-a-meeting') };
      expect(rebaseRouting(gone, routingOf(state, 'in-a-meeting'))).to.equal(null);
    });
  });
});
