import { expect } from '@open-wc/testing';
import {
  applyCommand,
  chooseRemoteExtension,
  describeProblem,
  MAX_NUMBERS,
  problemKind,
  type Applied,
  type Command,
  type NumberChanges,
  type NumberDraft,
  type Problem,
  type Snapshot,
  type StatusRouting,
} from '../../src/model/index.js';
import { swedish } from '../../components/shared/swedish.js';
import { fresh, numberOf, routingOf, statusOf, withStatus } from './snapshots.js';

const HINT = 'Start with the destination code 0, then the number, e.g. 09818123456';

/** Freezes an object graph, so any write to it throws in these (strict-mode) modules. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

function accepted(applied: Applied): Snapshot {
  if (!applied.ok) throw new Error(`expected the command to be accepted, got ${JSON.stringify(applied.problem)}`);
  return applied.state;
}

function refused(applied: Applied): Problem {
  if (applied.ok) throw new Error('expected the command to be refused, but it was accepted');
  return applied.problem;
}

function withPermissions(state: Snapshot, manageNumbers: boolean, manageStatuses: boolean): Snapshot {
  return { ...state, platform: { ...state.platform, permissions: { manageNumbers, manageStatuses } } };
}

const create = (number: Partial<NumberDraft> = {}): Command => ({
  type: 'number/create',
  id: 'cmd-create',
  number: { id: 'cabin', label: 'Cabin', dial: '09818123456', remoteExtension: false, ...number },
});
const update = (numberId: string, changes: NumberChanges): Command => ({
  type: 'number/update',
  id: 'cmd-update',
  numberId,
  changes,
});
const remove = (numberId: string): Command => ({ type: 'number/delete', id: 'cmd-delete', numberId });
const route = (status: StatusRouting): Command => ({ type: 'status/update', id: 'cmd-status', status });
const activate = (statusId: string): Command => ({ type: 'status/activate', id: 'cmd-activate', statusId });

/** A user-created RE "own-re" added through the model, with an admin RE present (ADD-3). */
function withOwnRemoteExtension(): Snapshot {
  return accepted(applyCommand(fresh(), create({ id: 'own-re', label: 'Own RE', dial: '0722222222', remoteExtension: true })));
}

describe('applyCommand', () => {
  describe('number/create', () => {
    it('ADD-4 creates a user number with the digits to store and the label trimmed', () => {
      const before = fresh();
      const after = accepted(applyCommand(before, create({ label: '  Cabin  ', dial: '0981-812 (34).56' })));
      expect(after.numbers).to.have.length(4);
      expect(after.numbers.at(-1)).to.deep.equal({
        id: 'cabin',
        label: 'Cabin',
        dial: '09818123456',
        remoteExtension: false,
        adminProvisioned: false,
        fmc: false,
        callThrough: false,
      });
      expect(after.numbers.slice(0, 3)).to.deep.equal(before.numbers);
      expect(after.statuses).to.deep.equal(before.statuses);
      expect(after.version, 'only the platform gives a new version').to.equal(before.version);
    });

    it('ADD-2 ADD-3 creates a remote extension while an admin-provisioned RE exists', () => {
      const after = accepted(applyCommand(fresh(), create({ remoteExtension: true })));
      expect(numberOf(after, 'cabin')).to.include({ remoteExtension: true, adminProvisioned: false, callThrough: false });
    });

    it('ADD-3 refuses to create a remote extension without an admin-provisioned RE', () => {
      const p = refused(applyCommand(fresh({ adminRemoteExtension: false }), create({ remoteExtension: true })));
      expect(p).to.deep.equal({ code: 'remote-extension-needs-admin' });
      expect(problemKind(p)).to.equal('forbidden');
    });

    it('ADD-3 still creates an ordinary number without an admin-provisioned RE', () => {
      const after = accepted(applyCommand(fresh({ adminRemoteExtension: false }), create()));
      expect(numberOf(after, 'cabin').remoteExtension).to.equal(false);
    });

    it('PLAT-1 refuses a remote extension on a platform other than MX-One', () => {
      const p = refused(applyCommand(fresh({ kind: 'mivoice-business' }), create({ remoteExtension: true })));
      expect(p).to.deep.equal({ code: 'remote-extension-unsupported', platform: 'MiVoice Business' });
      expect(describeProblem(p)).to.contain('Remote Extension needs MiVoice MX-One');
    });

    it('PLAT-1 My Numbers still works on other platforms: an ordinary number is created', () => {
      const after = accepted(applyCommand(fresh({ kind: 'mivoice-business' }), create()));
      expect(numberOf(after, 'cabin').dial).to.equal('09818123456');
    });

    it('FMT-3 refuses a number the user already has, naming its label', () => {
      const p = refused(applyCommand(fresh(), create({ dial: '0739876543' })));
      expect(p).to.deep.equal({ code: 'number-duplicate', label: 'Mobile' });
      expect(describeProblem(p)).to.equal('You already have this number (Mobile).');
      expect(problemKind(p)).to.equal('conflict');
    });

    it('FMT-3 refuses a duplicate typed with formatting', () => {
      const p = refused(applyCommand(fresh(), create({ dial: '(073) 987-65.43' })));
      expect(p).to.deep.equal({ code: 'number-duplicate', label: 'Mobile' });
    });

    it('FMT-3 refuses a duplicate of an admin-provisioned number', () => {
      const p = refused(applyCommand(fresh(), create({ dial: '070 123 45 67' })));
      expect(p).to.deep.equal({ code: 'number-duplicate', label: 'Remote Extension Work mobile' });
    });

    it('FMT-2 refuses letters in the dial string, saying what to type', () => {
      const p = refused(applyCommand(fresh(), create({ dial: '0981a8123456' })));
      expect(p).to.deep.equal({ code: 'number-bad-character', character: 'a', example: '09818123456', codes: ['0'] });
      expect(describeProblem(p)).to.contain(HINT);
    });

    it('FMT-1 FMT-2 refuses empty, country-code, destination-code and length problems', () => {
      const cases: [string, Problem['code']][] = [
        ['', 'number-empty'],
        ['   ', 'number-empty'],
        ['+46701234567', 'number-country-code'],
        ['9818123456', 'number-destination-code'],
        ['0123456', 'number-length'],
        ['012345678901', 'number-length'],
        ['0981\u200B8123456', 'number-bad-character'],
      ];
      for (const [dial, code] of cases) {
        const p = refused(applyCommand(fresh(), create({ dial })));
        expect(p.code, JSON.stringify(dial)).to.equal(code);
        expect(problemKind(p)).to.equal('invalid-input');
      }
    });

    it('ADD-4 refuses bad labels: label-empty, label-too-long, label-control-character', () => {
      expect(refused(applyCommand(fresh(), create({ label: '  ' })))).to.deep.equal({ code: 'label-empty' });
      expect(refused(applyCommand(fresh(), create({ label: 'x'.repeat(51) })))).to.deep.equal({
        code: 'label-too-long',
        maxLength: 50,
      });
      expect(refused(applyCommand(fresh(), create({ label: 'a\u0007b' })))).to.deep.equal({
        code: 'label-control-character',
      });
    });

    it('the number limit (issue 17): number/create refuses a number beyond 100, every number counted, until one is deleted', () => {
      expect(MAX_NUMBERS).to.equal(100);
      let state = fresh();
      for (let i = state.numbers.length; i < MAX_NUMBERS; i++) {
        const dial = `06${String(10_000_000 + i)}`;
        state = accepted(applyCommand(state, create({ id: `n${i}`, label: `Number ${i}`, dial })));
      }
      expect(state.numbers).to.have.length(100);
      const p = refused(applyCommand(state, create()));
      expect(p).to.deep.equal({ code: 'numbers-limit', max: 100 });
      expect(problemKind(p)).to.equal('conflict');
      expect(describeProblem(p)).to.equal('You can have at most 100 numbers. Delete one you no longer use, then add the new one.');
      expect(swedish.shared.problem(p)).to.equal('Du kan ha högst 100 nummer. Ta bort ett som du inte längre använder och lägg sedan till det nya.');
      const roomAgain = accepted(applyCommand(state, remove('home')));
      expect(accepted(applyCommand(roomAgain, create())).numbers).to.have.length(100);
    });

    it('ADD-4 EDIT-3 a label with a lone surrogate (half an emoji) is refused in create and update, in English and Swedish', () => {
      const p = refused(applyCommand(fresh(), create({ label: 'Cabin \uD83D' })));
      expect(p).to.deep.equal({ code: 'label-broken-character' });
      expect(problemKind(p)).to.equal('invalid-input');
      expect(describeProblem(p)).to.equal('A label can’t contain a broken character, such as half an emoji. Type the label again.');
      expect(swedish.shared.problem(p)).to.equal('En etikett kan inte innehålla ett trasigt tecken, till exempel en halv emoji. Skriv etiketten igen.');
      expect(refused(applyCommand(fresh(), update('home', { label: '\uDCF1 Home' })))).to.deep.equal({ code: 'label-broken-character' });
      expect(numberOf(accepted(applyCommand(fresh(), create({ label: 'Cabin \uD83D\uDCF1' }))), 'cabin').label).to.equal('Cabin 📱');
    });

    it('SYNC-4 refuses an id that a number or a platform device already has (id-taken)', () => {
      expect(refused(applyCommand(fresh(), create({ id: 'mobile' })))).to.deep.equal({ code: 'id-taken' });
      expect(refused(applyCommand(fresh(), create({ id: 'desk-phone' })))).to.deep.equal({ code: 'id-taken' });
    });

    it('PLAT-2 refuses with not-permitted when the platform does not allow managing numbers', () => {
      const p = refused(applyCommand(withPermissions(fresh(), false, true), create()));
      expect(p).to.deep.equal({ code: 'not-permitted' });
      expect(describeProblem(p)).to.equal('Your administrator does not allow you to change this.');
    });
  });

  describe('number/update', () => {
    it('EDIT-3 changes the label of an admin-provisioned number', () => {
      const after = accepted(applyCommand(fresh(), update('work-mobile', { label: ' My work phone ' })));
      expect(numberOf(after, 'work-mobile')).to.deep.equal({
        ...numberOf(fresh(), 'work-mobile'),
        label: 'My work phone',
      });
    });

    it('EDIT-3 changes the label of the locked, active remote extension with the unchanged fields sent along', () => {
      const state = accepted(applyCommand(fresh(), activate('work-from-home')));
      const after = accepted(
        applyCommand(
          state,
          update('work-mobile', {
            label: 'Work',
            dial: '070-123 45 67',
            remoteExtension: true,
            fmc: true,
            callThrough: false,
          }),
        ),
      );
      expect(numberOf(after, 'work-mobile')).to.deep.equal({ ...numberOf(state, 'work-mobile'), label: 'Work' });
    });

    it('EDIT-3 saves a label or FMC change when the unchanged number no longer fits the dial plan', () => {
      const state = fresh();
      const admin = { ...numberOf(state, 'work-mobile'), dial: '4712', label: `Remote Extension ${'x'.repeat(60)}` };
      const odd = { ...state, numbers: state.numbers.map((n) => (n.id === 'work-mobile' ? admin : n)) };
      const after = accepted(
        applyCommand(odd, update('work-mobile', { label: admin.label, dial: '4712', remoteExtension: true, fmc: false })),
      );
      expect(numberOf(after, 'work-mobile')).to.deep.equal({ ...admin, fmc: false });
      const renamed = accepted(applyCommand(odd, update('work-mobile', { label: 'Work', dial: '47-12' })));
      expect(numberOf(renamed, 'work-mobile').label).to.equal('Work');
    });

    it('EDIT-3 still checks the label', () => {
      expect(refused(applyCommand(fresh(), update('work-mobile', { label: '' })))).to.deep.equal({
        code: 'label-empty',
      });
    });

    it('EDIT-2 refuses to change the number of an admin-provisioned RE in a status (number-locked)', () => {
      const p = refused(applyCommand(fresh(), update('work-mobile', { dial: '09818123456' })));
      expect(p).to.deep.equal({
        code: 'number-locked',
        reasons: [{ kind: 'in-status', statuses: ['Work from Home'] }, { kind: 'admin-provisioned' }],
      });
      expect(describeProblem(p)).to.equal(
        "The Remote Extension setting and the number can't be changed. It is configured in the dynamic status Work from Home. It was configured by your administrator or in the communication platform.",
      );
    });

    it('EDIT-2 refuses to turn off Remote Extension on the active remote extension with all three reasons', () => {
      const state = accepted(applyCommand(fresh(), activate('work-from-home')));
      const p = refused(applyCommand(state, update('work-mobile', { remoteExtension: false })));
      expect(p).to.deep.equal({
        code: 'number-locked',
        reasons: [
          { kind: 'in-status', statuses: ['Work from Home'] },
          { kind: 'admin-provisioned' },
          { kind: 'active-remote-extension', status: 'Work from Home' },
        ],
      });
    });

    it('EDIT-2 refuses to change the number or RE flag of a user number used as a status’s Call Using', () => {
      const state = withStatus(fresh(), 'in-a-meeting', { callUsing: 'mobile' });
      const locked = { code: 'number-locked', reasons: [{ kind: 'in-status', statuses: ['In a Meeting'] }] };
      expect(refused(applyCommand(state, update('mobile', { dial: '09818123456' })))).to.deep.equal(locked);
      expect(refused(applyCommand(state, update('mobile', { remoteExtension: true })))).to.deep.equal(locked);
    });

    it('EDIT-2 a locked number given a bad dial string is refused as locked', () => {
      expect(refused(applyCommand(fresh(), update('work-mobile', { dial: 'abc' }))).code).to.equal('number-locked');
    });

    it('EDIT-2 the same number in other formatting is not a change, even when locked', () => {
      const before = fresh();
      const after = accepted(applyCommand(before, update('work-mobile', { dial: '(070) 123-45.67' })));
      expect(after.numbers).to.deep.equal(before.numbers);
    });

    it('FMT-2 changes a free number’s digits, dropping formatting', () => {
      const after = accepted(applyCommand(fresh(), update('home', { dial: '0981-812 (34).56' })));
      expect(numberOf(after, 'home').dial).to.equal('09818123456');
    });

    it('FMT-1 FMT-2 refuses an invalid new number for a free number', () => {
      const p = refused(applyCommand(fresh(), update('home', { dial: '+46 8 765 43 21' })));
      expect(p).to.deep.equal({ code: 'number-country-code', example: '09818123456', codes: ['0'] });
      expect(describeProblem(p)).to.contain(HINT);
      expect(refused(applyCommand(fresh(), update('home', { dial: '012' })))).to.include({
        code: 'number-length',
        length: 2,
      });
    });

    it('FMT-3 refuses changing a number to one the user already has, also with formatting', () => {
      expect(refused(applyCommand(fresh(), update('home', { dial: '0739876543' })))).to.deep.equal({
        code: 'number-duplicate',
        label: 'Mobile',
      });
      expect(refused(applyCommand(fresh(), update('home', { dial: '073 98 76 543' })))).to.deep.equal({
        code: 'number-duplicate',
        label: 'Mobile',
      });
    });

    it('FMT-3 does not refuse a number that keeps its own dial string', () => {
      const after = accepted(applyCommand(fresh(), update('mobile', { label: 'Private mobile', dial: '0739876543' })));
      expect(numberOf(after, 'mobile')).to.include({ label: 'Private mobile', dial: '0739876543' });
      accepted(applyCommand(fresh(), update('mobile', { dial: '073-987 65 43' })));
    });

    it('ADD-3 converts an existing number to a remote extension while an admin RE exists', () => {
      const after = accepted(applyCommand(fresh(), update('home', { remoteExtension: true })));
      expect(numberOf(after, 'home').remoteExtension).to.equal(true);
    });

    it('ADD-3 refuses converting an existing number to a remote extension without an admin RE', () => {
      const p = refused(applyCommand(fresh({ adminRemoteExtension: false }), update('home', { remoteExtension: true })));
      expect(p).to.deep.equal({ code: 'remote-extension-needs-admin' });
    });

    it('PLAT-1 refuses converting a number to a remote extension on a platform other than MX-One', () => {
      const p = refused(applyCommand(fresh({ kind: 'mivoice-business' }), update('home', { remoteExtension: true })));
      expect(p).to.deep.equal({ code: 'remote-extension-unsupported', platform: 'MiVoice Business' });
    });

    it('EDIT-1 turns off Remote Extension on a free user-created RE', () => {
      const state = withOwnRemoteExtension();
      const after = accepted(applyCommand(state, update('own-re', { remoteExtension: false })));
      expect(numberOf(after, 'own-re').remoteExtension).to.equal(false);
    });

    it('EDIT-1 turns FMC on and off', () => {
      const on = accepted(applyCommand(fresh(), update('home', { fmc: true })));
      expect(numberOf(on, 'home').fmc).to.equal(true);
      const off = accepted(applyCommand(on, update('home', { fmc: false })));
      expect(numberOf(off, 'home').fmc).to.equal(false);
    });

    it('FMC-1 turns Call Through on for a remote extension number', () => {
      const after = accepted(applyCommand(fresh(), update('work-mobile', { callThrough: true })));
      expect(numberOf(after, 'work-mobile').callThrough).to.equal(true);
    });

    it('FMC-1 refuses Call Through on a number that is not a remote extension', () => {
      const p = refused(applyCommand(fresh(), update('home', { callThrough: true })));
      expect(p).to.deep.equal({ code: 'call-through-needs-remote-extension' });
      expect(describeProblem(p)).to.equal('Call Through is available only for remote extension numbers.');
    });

    it('FMC-1 accepts Call Through together with turning Remote Extension on', () => {
      const after = accepted(applyCommand(fresh(), update('home', { remoteExtension: true, callThrough: true })));
      expect(numberOf(after, 'home')).to.include({ remoteExtension: true, callThrough: true });
    });

    it('FMC-1 refuses Call Through together with turning Remote Extension off', () => {
      const state = withOwnRemoteExtension();
      const p = refused(applyCommand(state, update('own-re', { remoteExtension: false, callThrough: true })));
      expect(p).to.deep.equal({ code: 'call-through-needs-remote-extension' });
    });

    it('FMC-1 Call Through goes off when Remote Extension is turned off', () => {
      const state = accepted(applyCommand(withOwnRemoteExtension(), update('own-re', { callThrough: true })));
      expect(numberOf(state, 'own-re').callThrough).to.equal(true);
      const after = accepted(applyCommand(state, update('own-re', { remoteExtension: false })));
      expect(numberOf(after, 'own-re')).to.include({ remoteExtension: false, callThrough: false });
    });

    it('FMC-1 turning Call Through off on a non-RE number is not refused', () => {
      accepted(applyCommand(fresh(), update('home', { callThrough: false })));
    });

    it('FMC-1 PLAT-1 refuses Call Through on a platform other than MX-One', () => {
      const p = refused(applyCommand(fresh({ kind: 'mivoice-business' }), update('work-mobile', { callThrough: true })));
      expect(p).to.deep.equal({ code: 'remote-extension-unsupported', platform: 'MiVoice Business' });
    });

    it('PC-1 refuses an unknown number with number-not-found', () => {
      const p = refused(applyCommand(fresh(), update('nope', { label: 'x' })));
      expect(p).to.deep.equal({ code: 'number-not-found' });
      expect(problemKind(p)).to.equal('not-found');
    });

    it('PLAT-2 refuses with not-permitted when the platform does not allow managing numbers', () => {
      expect(refused(applyCommand(withPermissions(fresh(), false, true), update('home', { label: 'x' })))).to.deep.equal({
        code: 'not-permitted',
      });
    });
  });

  describe('number/delete', () => {
    it('NUM-3 deletes a number the user created and no status uses', () => {
      const before = fresh();
      const after = accepted(applyCommand(before, remove('home')));
      expect(after.numbers.map((n) => n.id)).to.deep.equal(['work-mobile', 'mobile']);
      expect(after.statuses).to.deep.equal(before.statuses);
    });

    it('NUM-3 refuses to delete an admin-provisioned number', () => {
      expect(refused(applyCommand(fresh(), remove('work-mobile')))).to.deep.equal({ code: 'delete-admin-provisioned' });
    });

    it('NUM-5 refuses to delete a number a status uses, naming the statuses', () => {
      let state = withStatus(fresh(), 'in-a-meeting', { callUsing: 'mobile' });
      state = withStatus(state, 'out-of-office', { sendCallsTo: 'mobile' });
      const p = refused(applyCommand(state, remove('mobile')));
      expect(p).to.deep.equal({ code: 'delete-in-use', statuses: ['In a Meeting', 'Out of Office'] });
      expect(describeProblem(p)).to.contain('In a Meeting and Out of Office');
    });

    it('NUM-5 refuses to delete a user-created RE that a status has as its Remote Extension', () => {
      const state = withOwnRemoteExtension();
      const routed = accepted(
        applyCommand(state, route(chooseRemoteExtension(state, routingOf(state, 'available'), 'own-re'))),
      );
      expect(refused(applyCommand(routed, remove('own-re')))).to.deep.equal({
        code: 'delete-in-use',
        statuses: ['Available'],
      });
    });

    it('PC-1 refuses an unknown number with number-not-found', () => {
      expect(refused(applyCommand(fresh(), remove('nope')))).to.deep.equal({ code: 'number-not-found' });
    });

    it('PLAT-2 refuses with not-permitted when the platform does not allow managing numbers', () => {
      expect(refused(applyCommand(withPermissions(fresh(), false, true), remove('home')))).to.deep.equal({
        code: 'not-permitted',
      });
    });
  });

  describe('status/update', () => {
    it('STAT-3 STAT-5 saves a chosen RE with Call Using and Send my calls to in one command', () => {
      const state = fresh();
      const routing = chooseRemoteExtension(state, routingOf(state, 'available'), 'work-mobile');
      const after = accepted(applyCommand(state, route(routing)));
      expect(statusOf(after, 'available')).to.deep.equal({
        id: 'available',
        name: 'Available',
        presence: 'available',
        remoteExtensionId: 'work-mobile',
        callUsing: 'work-mobile',
        sendCallsTo: 'work-mobile',
      });
      expect(after.statuses.filter((s) => s.id !== 'available')).to.deep.equal(
        state.statuses.filter((s) => s.id !== 'available'),
      );
      expect(after.numbers).to.deep.equal(state.numbers);
    });

    it('STAT-4 changes Call Using and Send my calls to by hand, to any device or number', () => {
      const after = accepted(
        applyCommand(fresh(), route({ ...routingOf(fresh(), 'work-from-home'), callUsing: 'softphone', sendCallsTo: 'mobile' })),
      );
      expect(statusOf(after, 'work-from-home')).to.include({
        remoteExtensionId: 'work-mobile',
        callUsing: 'softphone',
        sendCallsTo: 'mobile',
      });
    });

    it('STAT-6 saves None with the routing back on the default device', () => {
      const state = fresh();
      const after = accepted(applyCommand(state, route(chooseRemoteExtension(state, routingOf(state, 'work-from-home'), null))));
      expect(statusOf(after, 'work-from-home')).to.include({
        remoteExtensionId: null,
        callUsing: 'desk-phone',
        sendCallsTo: 'desk-phone',
      });
    });

    it('STAT-2 refuses a Remote Extension that is not a remote extension number', () => {
      const state = fresh();
      const p = refused(applyCommand(state, route({ ...routingOf(state, 'available'), remoteExtensionId: 'mobile' })));
      expect(p).to.deep.equal({ code: 'not-remote-extension' });
      expect(describeProblem(p)).to.equal('Only a remote extension number can be a status’s Remote Extension.');
      expect(
        refused(applyCommand(state, route({ ...routingOf(state, 'available'), remoteExtensionId: 'desk-phone' }))),
      ).to.deep.equal({ code: 'not-remote-extension' });
      expect(
        refused(applyCommand(state, route({ ...routingOf(state, 'available'), remoteExtensionId: 'ghost' }))),
      ).to.deep.equal({ code: 'not-remote-extension' });
    });

    it('PLAT-1 refuses a status Remote Extension on a platform other than MX-One', () => {
      const state = fresh({ kind: 'mivoice-business' });
      const p = refused(applyCommand(state, route({ ...routingOf(state, 'available'), remoteExtensionId: 'work-mobile' })));
      expect(p).to.deep.equal({ code: 'remote-extension-unsupported', platform: 'MiVoice Business' });
    });

    it('PLAT-1 Manage Status still works on other platforms without a Remote Extension', () => {
      const state = fresh({ kind: 'mivoice-business' });
      const after = accepted(applyCommand(state, route({ ...routingOf(state, 'available'), callUsing: 'softphone' })));
      expect(statusOf(after, 'available').callUsing).to.equal('softphone');
    });

    it('STAT-4 refuses Call Using or Send my calls to naming an unknown device (unknown-device)', () => {
      const state = fresh();
      const p = refused(applyCommand(state, route({ ...routingOf(state, 'available'), callUsing: 'ghost' })));
      expect(p).to.deep.equal({ code: 'unknown-device' });
      expect(describeProblem(p)).to.equal('That device no longer exists. Choose another one.');
      expect(
        refused(applyCommand(state, route({ ...routingOf(state, 'available'), sendCallsTo: 'ghost' }))),
      ).to.deep.equal({ code: 'unknown-device' });
    });

    it('PC-1 refuses an unknown status with status-not-found', () => {
      const p = refused(
        applyCommand(fresh(), route({ id: 'ghost', remoteExtensionId: null, callUsing: 'desk-phone', sendCallsTo: 'desk-phone' })),
      );
      expect(p).to.deep.equal({ code: 'status-not-found' });
      expect(describeProblem(p)).to.equal('This status no longer exists.');
    });

    it('PLAT-2 refuses with not-permitted when the platform does not allow managing statuses', () => {
      const state = withPermissions(fresh(), true, false);
      expect(refused(applyCommand(state, route(routingOf(state, 'available'))))).to.deep.equal({
        code: 'not-permitted',
      });
    });
  });

  describe('status/activate', () => {
    it('ACT-1 makes the chosen status the active status', () => {
      const before = fresh();
      const after = accepted(applyCommand(before, activate('work-from-home')));
      expect(after).to.deep.equal({ ...before, activeStatusId: 'work-from-home' });
    });

    it('ACT-1 refuses an unknown status with status-not-found', () => {
      expect(refused(applyCommand(fresh(), activate('ghost')))).to.deep.equal({ code: 'status-not-found' });
    });
  });

  describe('purity', () => {
    const commands: [string, (s: Snapshot) => Snapshot, Command][] = [
      ['create accepted', (s) => s, create({ dial: '0981 812 34 56' })],
      ['create refused', (s) => s, create({ dial: '0739876543' })],
      ['update accepted', (s) => s, update('home', { label: 'Cottage', dial: '09818123456', remoteExtension: true, callThrough: true, fmc: true })],
      ['update label of admin number', (s) => s, update('work-mobile', { label: 'Work' })],
      ['update refused', (s) => s, update('work-mobile', { dial: '09818123456' })],
      ['delete accepted', (s) => s, remove('home')],
      ['delete refused', (s) => s, remove('work-mobile')],
      ['status update accepted', (s) => s, route({ id: 'work-from-home', remoteExtensionId: null, callUsing: 'desk-phone', sendCallsTo: 'desk-phone' })],
      ['status update refused', (s) => s, route({ id: 'available', remoteExtensionId: 'mobile', callUsing: 'mobile', sendCallsTo: 'mobile' })],
      ['activate accepted', (s) => s, activate('work-from-home')],
      ['activate refused', (s) => s, activate('ghost')],
      ['not permitted', (s) => withPermissions(s, false, false), create()],
    ];

    for (const [name, prepare, command] of commands) {
      it(`SYNC-3 FMT-4 never mutates its input (${name})`, () => {
        const input = deepFreeze(prepare(fresh()));
        const frozenCommand = deepFreeze(structuredClone(command));
        const copy = structuredClone(input);
        expect(() => applyCommand(input, frozenCommand)).not.to.throw();
        expect(input).to.deep.equal(copy);
        expect(frozenCommand).to.deep.equal(command);
      });
    }

    it('SYNC-3 returns a new state object when it accepts, sharing nothing it changed', () => {
      const input = deepFreeze(fresh());
      const after = accepted(applyCommand(input, update('home', { label: 'Cottage' })));
      expect(after).not.to.equal(input);
      expect(after.numbers).not.to.equal(input.numbers);
      expect(numberOf(input, 'home').label).to.equal('Home');
      expect(numberOf(after, 'home').label).to.equal('Cottage');
    });
  });
});
