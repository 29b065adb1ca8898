import { expect } from '@open-wc/testing';
import {
  activeCallUsing,
  activeSendCallsTo,
  activeRemoteExtension,
  addRemoteExtensionProblem,
  applyCommand,
  callThroughFixes,
  chooseRemoteExtension,
  deleteProblem,
  describeCallThroughFix,
  describeLockReason,
  describeProblem,
  findDuplicate,
  lockReasons,
  offersDelete,
  remoteExtensions,
  type PhoneNumber,
  type Problem,
  type Snapshot,
  type StatusRouting,
} from '../../src/model/index.js';
import { sampleSnapshot } from '../../src/platform/sample-data.js';
import { fresh, numberOf, routingOf, withStatus } from './snapshots.js';

/** The state with one number's fields replaced. */
function withNumber(state: Snapshot, id: string, changes: Partial<PhoneNumber>): Snapshot {
  return { ...state, numbers: state.numbers.map((n) => (n.id === id ? { ...n, ...changes } : n)) };
}

/** The state with one more number (user-created unless said otherwise). */
function plusNumber(state: Snapshot, number: Partial<PhoneNumber> & { id: string; dial: string }): Snapshot {
  const full: PhoneNumber = {
    label: number.id,
    remoteExtension: false,
    adminProvisioned: false,
    fmc: false,
    callThrough: false,
    ...number,
  };
  return { ...state, numbers: [...state.numbers, full] };
}

/** Work from Home (RE work-mobile) made the active status, through the model's own command. */
function workFromHomeActive(): Snapshot {
  const applied = applyCommand(fresh(), { type: 'status/activate', id: 'c-act', statusId: 'work-from-home' });
  if (!applied.ok) throw new Error(describeProblem(applied.problem));
  return applied.state;
}

describe('rules', () => {
  describe('lockReasons (EDIT-2)', () => {
    it('EDIT-2 locks an admin-provisioned RE used by a status for both reasons', () => {
      expect(lockReasons(fresh(), 'work-mobile')).to.deep.equal([
        { kind: 'in-status', statuses: ['Work from Home'] },
        { kind: 'admin-provisioned' },
      ]);
    });

    it('EDIT-2 gives all three reasons for an admin-provisioned RE that is the active remote extension', () => {
      const state = workFromHomeActive();
      const reasons = lockReasons(state, 'work-mobile');
      expect(reasons).to.deep.equal([
        { kind: 'in-status', statuses: ['Work from Home'] },
        { kind: 'admin-provisioned' },
        { kind: 'active-remote-extension', status: 'Work from Home' },
      ]);
      expect(reasons.map(describeLockReason)).to.deep.equal([
        'It is configured in the dynamic status Work from Home.',
        'It was configured by your administrator or in the communication platform.',
        'It is your active remote extension (status Work from Home).',
      ]);
    });

    it('EDIT-2 gives the same three reasons when the snapshot is spread with activeStatusId', () => {
      const state = { ...fresh(), activeStatusId: 'work-from-home' };
      expect(lockReasons(state, 'work-mobile').map((r) => r.kind)).to.deep.equal([
        'in-status',
        'admin-provisioned',
        'active-remote-extension',
      ]);
    });

    it('EDIT-2 locks a user-created number used only as a status’s Call Using (in-status)', () => {
      const state = withStatus(fresh(), 'in-a-meeting', { callUsing: 'mobile' });
      expect(lockReasons(state, 'mobile')).to.deep.equal([{ kind: 'in-status', statuses: ['In a Meeting'] }]);
    });

    it('EDIT-2 locks a number used only as Send my calls to, naming every status in order', () => {
      let state = withStatus(fresh(), 'out-of-office', { sendCallsTo: 'home' });
      state = withStatus(state, 'available', { sendCallsTo: 'home' });
      const reasons = lockReasons(state, 'home');
      expect(reasons).to.deep.equal([{ kind: 'in-status', statuses: ['Available', 'Out of Office'] }]);
      expect(describeLockReason(reasons[0]!)).to.equal('It is configured in the dynamic status Available and Out of Office.');
    });

    it('EDIT-2 locks an admin-provisioned number that no status uses (admin-provisioned only)', () => {
      const state = plusNumber(fresh(), { id: 'admin-plain', dial: '0111111111', adminProvisioned: true });
      expect(lockReasons(state, 'admin-plain')).to.deep.equal([{ kind: 'admin-provisioned' }]);
    });

    it('EDIT-2 leaves a free number unlocked (no reasons)', () => {
      expect(lockReasons(fresh(), 'home')).to.deep.equal([]);
      expect(lockReasons(fresh(), 'mobile')).to.deep.equal([]);
    });

    it('EDIT-2 has no reasons for a number that does not exist', () => {
      expect(lockReasons(fresh(), 'nope')).to.deep.equal([]);
    });
  });

  describe('addRemoteExtensionProblem (ADD-3, PLAT-1)', () => {
    it('ADD-3 allows a user remote extension while an admin-provisioned RE exists', () => {
      expect(addRemoteExtensionProblem(fresh())).to.equal(null);
    });

    it('ADD-3 refuses without an admin-provisioned remote extension and says why', () => {
      const p = addRemoteExtensionProblem(sampleSnapshot('u', { adminRemoteExtension: false }));
      expect(p).to.deep.equal({ code: 'remote-extension-needs-admin' });
      expect(describeProblem(p!)).to.equal(
        'You can add a remote extension only when your administrator has provisioned one.',
      );
    });

    it('ADD-3 does not count an admin-provisioned number that is not a remote extension', () => {
      const state = withNumber(fresh(), 'work-mobile', { remoteExtension: false });
      const noStatusRe = withStatus(state, 'work-from-home', {
        remoteExtensionId: null,
        callUsing: 'softphone',
        sendCallsTo: 'softphone',
      });
      expect(addRemoteExtensionProblem(noStatusRe)).to.deep.equal({ code: 'remote-extension-needs-admin' });
    });

    it('ADD-3 does not count a user-created remote extension', () => {
      const base = sampleSnapshot('u', { adminRemoteExtension: false });
      const state = plusNumber(base, { id: 'own-re', dial: '0722222222', remoteExtension: true });
      expect(addRemoteExtensionProblem(state)).to.deep.equal({ code: 'remote-extension-needs-admin' });
    });

    it('PLAT-1 refuses remote extensions on a platform other than MiVoice MX-One, naming it', () => {
      const p = addRemoteExtensionProblem(sampleSnapshot('u', { kind: 'mivoice-business' }));
      expect(p).to.deep.equal({ code: 'remote-extension-unsupported', platform: 'MiVoice Business' });
      expect(describeProblem(p!)).to.equal(
        'Remote Extension needs MiVoice MX-One; this account is on MiVoice Business.',
      );
    });

    it('PLAT-1 refuses on a non-MX-One platform even if an admin RE is in the data', () => {
      const mx = fresh();
      const state: Snapshot = { ...mx, platform: { ...mx.platform, kind: 'other', name: 'Some PBX' } };
      expect(addRemoteExtensionProblem(state)).to.deep.equal({
        code: 'remote-extension-unsupported',
        platform: 'Some PBX',
      });
    });
  });

  describe('offersDelete and deleteProblem (NUM-3, NUM-5)', () => {
    it('NUM-3 offers Delete only for numbers the user created', () => {
      const state = fresh();
      expect(offersDelete(numberOf(state, 'work-mobile'))).to.equal(false);
      expect(offersDelete(numberOf(state, 'mobile'))).to.equal(true);
      expect(offersDelete(numberOf(state, 'home'))).to.equal(true);
    });

    it('NUM-3 refuses to delete an admin-provisioned number with delete-admin-provisioned', () => {
      const p = deleteProblem(fresh(), 'work-mobile');
      expect(p).to.deep.equal({ code: 'delete-admin-provisioned' });
      expect(describeProblem(p!)).to.equal(
        'This number was configured by your administrator, so it can be edited but not deleted.',
      );
    });

    it('NUM-3 refuses an admin-provisioned number that no status uses', () => {
      const state = plusNumber(fresh(), { id: 'admin-plain', dial: '0111111111', adminProvisioned: true });
      expect(deleteProblem(state, 'admin-plain')).to.deep.equal({ code: 'delete-admin-provisioned' });
    });

    it('NUM-5 refuses to delete a number a status uses as Call Using, naming the status', () => {
      const state = withStatus(fresh(), 'in-a-meeting', { callUsing: 'mobile' });
      const p = deleteProblem(state, 'mobile');
      expect(p).to.deep.equal({ code: 'delete-in-use', statuses: ['In a Meeting'] });
      expect(describeProblem(p!)).to.equal(
        'This number is used by the status In a Meeting. Choose another device there first.',
      );
    });

    it('NUM-5 names every status that uses the number (RE, Call Using or Send my calls to)', () => {
      let state = plusNumber(fresh(), { id: 'own-re', dial: '0722222222', remoteExtension: true });
      state = withStatus(state, 'available', { remoteExtensionId: 'own-re' });
      state = withStatus(state, 'in-a-meeting', { callUsing: 'own-re' });
      state = withStatus(state, 'do-not-disturb', { sendCallsTo: 'own-re' });
      const p = deleteProblem(state, 'own-re');
      expect(p).to.deep.equal({ code: 'delete-in-use', statuses: ['Available', 'In a Meeting', 'Do Not Disturb'] });
      expect(describeProblem(p!)).to.equal(
        'This number is used by the status Available, In a Meeting and Do Not Disturb. Choose another device there first.',
      );
    });

    it('NUM-5 allows deleting a user-created number no status uses', () => {
      expect(deleteProblem(fresh(), 'home')).to.equal(null);
      expect(deleteProblem(fresh(), 'mobile')).to.equal(null);
    });

    it('NUM-3 reports number-not-found for a number that does not exist', () => {
      expect(deleteProblem(fresh(), 'nope')).to.deep.equal({ code: 'number-not-found' });
    });
  });

  describe('findDuplicate (FMT-3)', () => {
    it('FMT-3 finds the number the user already has with the same digits', () => {
      expect(findDuplicate(fresh(), '0739876543')?.id).to.equal('mobile');
      expect(findDuplicate(fresh(), '0701234567')?.id).to.equal('work-mobile');
    });

    it('FMT-3 ignores the number being edited (exceptId)', () => {
      expect(findDuplicate(fresh(), '0739876543', 'mobile')).to.equal(undefined);
      expect(findDuplicate(fresh(), '0739876543', 'home')?.id).to.equal('mobile');
    });

    it('FMT-3 finds nothing for new digits', () => {
      expect(findDuplicate(fresh(), '09818123456')).to.equal(undefined);
    });
  });

  describe('callThroughFixes (FMC-2)', () => {
    it('FMC-2 asks for nothing while Call Through is off', () => {
      expect(callThroughFixes(fresh(), numberOf(fresh(), 'work-mobile'))).to.deep.equal([]);
    });

    it('FMC-2 asks to make the number the RE of the current status when it is not', () => {
      // work-mobile has FMC on; the active status Available has no RE.
      const state = withNumber(fresh(), 'work-mobile', { callThrough: true });
      const fixes = callThroughFixes(state, numberOf(state, 'work-mobile'));
      expect(fixes).to.deep.equal([{ kind: 'make-status-remote-extension', status: 'Available' }]);
      expect(describeCallThroughFix(fixes[0]!)).to.equal(
        'Choose this number as the Remote Extension of your current status, Available.',
      );
    });

    it('FMC-2 asks to turn on FMC when it is off', () => {
      const state = withNumber(workFromHomeActive(), 'work-mobile', { callThrough: true, fmc: false });
      const fixes = callThroughFixes(state, numberOf(state, 'work-mobile'));
      expect(fixes).to.deep.equal([{ kind: 'enable-fmc' }]);
      expect(describeCallThroughFix(fixes[0]!)).to.equal('Turn on FMC for this number.');
    });

    it('FMC-2 asks for both when FMC is off and the number is not the current RE', () => {
      const state = withNumber(fresh(), 'work-mobile', { callThrough: true, fmc: false });
      expect(callThroughFixes(state, numberOf(state, 'work-mobile'))).to.deep.equal([
        { kind: 'enable-fmc' },
        { kind: 'make-status-remote-extension', status: 'Available' },
      ]);
    });

    it('FMC-2 asks for nothing when the number is the RE of the active status with FMC on', () => {
      const state = withNumber(workFromHomeActive(), 'work-mobile', { callThrough: true, fmc: true });
      expect(callThroughFixes(state, numberOf(state, 'work-mobile'))).to.deep.equal([]);
    });

    it('FMC-2 counts only the active status, not another status that has the number as RE', () => {
      // Work from Home has work-mobile as RE, but Available is active.
      const state = withNumber(fresh(), 'work-mobile', { callThrough: true, fmc: true });
      expect(callThroughFixes(state, numberOf(state, 'work-mobile'))).to.have.length(1);
    });
  });

  describe('chooseRemoteExtension and remoteExtensions (STAT-2, STAT-3, STAT-6)', () => {
    it('STAT-2 offers every remote extension number as a choice', () => {
      expect(remoteExtensions(fresh()).map((n) => n.id)).to.deep.equal(['work-mobile']);
      const state = plusNumber(fresh(), { id: 'own-re', dial: '0722222222', remoteExtension: true });
      expect(remoteExtensions(state).map((n) => n.id)).to.deep.equal(['work-mobile', 'own-re']);
    });

    it('STAT-2 offers no remote extension without an admin-provisioned one in the sample', () => {
      expect(remoteExtensions(sampleSnapshot('u', { adminRemoteExtension: false }))).to.deep.equal([]);
    });

    it('STAT-2 PLAT-1 offers no remote extension on a platform other than MX-One, whatever the flags say', () => {
      const mx = fresh();
      const state: Snapshot = { ...mx, platform: { ...mx.platform, kind: 'mivoice-business' } };
      expect(remoteExtensions(state)).to.deep.equal([]);
    });

    it('STAT-3 choosing an RE sets Call Using and Send my calls to to it at once', () => {
      const state = fresh();
      const next = chooseRemoteExtension(state, routingOf(state, 'available'), 'work-mobile');
      expect(next).to.deep.equal({
        id: 'available',
        remoteExtensionId: 'work-mobile',
        callUsing: 'work-mobile',
        sendCallsTo: 'work-mobile',
      });
    });

    it('STAT-3 choosing another RE moves both to the new one', () => {
      const state = plusNumber(fresh(), { id: 'own-re', dial: '0722222222', remoteExtension: true });
      const next = chooseRemoteExtension(state, routingOf(state, 'work-from-home'), 'own-re');
      expect(next).to.deep.equal({
        id: 'work-from-home',
        remoteExtensionId: 'own-re',
        callUsing: 'own-re',
        sendCallsTo: 'own-re',
      });
    });

    it('STAT-6 choosing None puts Call Using and Send my calls to back to the default device', () => {
      const state = fresh();
      const next = chooseRemoteExtension(state, routingOf(state, 'work-from-home'), null);
      expect(next).to.deep.equal({
        id: 'work-from-home',
        remoteExtensionId: null,
        callUsing: 'desk-phone',
        sendCallsTo: 'desk-phone',
      });
    });

    it('STAT-6 resets only what pointed at the old RE; a hand-picked device stays', () => {
      const state = fresh();
      const routing: StatusRouting = { ...routingOf(state, 'work-from-home'), callUsing: 'softphone' };
      expect(chooseRemoteExtension(state, routing, null)).to.deep.equal({
        id: 'work-from-home',
        remoteExtensionId: null,
        callUsing: 'softphone',
        sendCallsTo: 'desk-phone',
      });
    });

    it('STAT-6 uses the platform’s default device, not a constant (PLAT-2)', () => {
      const base = fresh();
      const state: Snapshot = { ...base, platform: { ...base.platform, defaultDeviceId: 'softphone' } };
      expect(chooseRemoteExtension(state, routingOf(state, 'work-from-home'), null)).to.deep.equal({
        id: 'work-from-home',
        remoteExtensionId: null,
        callUsing: 'softphone',
        sendCallsTo: 'softphone',
      });
    });

    it('STAT-6 choosing None when there was none changes nothing', () => {
      const state = fresh();
      const routing = routingOf(state, 'in-a-meeting');
      expect(chooseRemoteExtension(state, routing, null)).to.deep.equal(routing);
    });

    it('STAT-3 does not mutate the routing it is given', () => {
      const state = fresh();
      const routing = Object.freeze(routingOf(state, 'available'));
      chooseRemoteExtension(state, routing, 'work-mobile');
      chooseRemoteExtension(state, routing, null);
      expect(routing).to.deep.equal({
        id: 'available',
        remoteExtensionId: null,
        callUsing: 'desk-phone',
        sendCallsTo: 'desk-phone',
      });
    });
  });

  describe('active remote extension (ACT-2, CALL-1, CALL-3)', () => {
    it('ACT-2 has no active remote extension while Available (no RE) is active', () => {
      expect(activeRemoteExtension(fresh())).to.equal(undefined);
    });

    it('ACT-2 the active remote extension is the RE of the active status', () => {
      expect(activeRemoteExtension(workFromHomeActive())).to.deep.equal(numberOf(fresh(), 'work-mobile'));
    });

    it('CALL-1 the Call Using device of Available is the desk phone', () => {
      expect(activeCallUsing(fresh())).to.deep.equal({
        id: 'desk-phone',
        kind: 'desk',
        label: 'Desk phone',
        dial: '4711',
        remoteExtension: false,
      });
    });

    it('CALL-3 the active RE is the Call Using device of Work from Home, marked as a remote extension', () => {
      expect(activeCallUsing(workFromHomeActive())).to.deep.equal({
        id: 'work-mobile',
        kind: 'number',
        label: 'Remote Extension Work mobile',
        dial: '0701234567',
        remoteExtension: true,
      });
    });

    it('STAT-3 incoming calls ring on the Send my calls to device of the active status (the RE in Work from Home)', () => {
      expect(activeSendCallsTo(fresh())?.id).to.equal('desk-phone');
      expect(activeSendCallsTo(workFromHomeActive())?.id).to.equal('work-mobile');
    });

    it('CALL-1 follows the active status: In a Meeting calls with the softphone', () => {
      const state = { ...fresh(), activeStatusId: 'in-a-meeting' };
      expect(activeCallUsing(state)?.id).to.equal('softphone');
      expect(activeRemoteExtension(state)).to.equal(undefined);
    });
  });

  it('EDIT-2 STAT-2 describeProblem words number-locked and not-remote-extension in English', () => {
    const problems: Problem[] = [
      { code: 'number-locked', reasons: [{ kind: 'admin-provisioned' }] },
      { code: 'not-remote-extension' },
    ];
    expect(problems.map(describeProblem)).to.deep.equal([
      "The Remote Extension setting and the number can't be changed. It was configured by your administrator or in the communication platform.",
      'Only a remote extension number can be a status’s Remote Extension.',
    ]);
  });
});
