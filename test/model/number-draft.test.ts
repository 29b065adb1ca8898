import { expect } from '@open-wc/testing';
// What is tested, grouped in the order of the tests below.
import {
  emptyNumberFields, numberFieldsOf, withRemoteExtension,
  labelProblem, dialProblem,
  newNumberOf, numberChanges,
  problemPlace,
  editLocks, remoteExtensionBlock,
  draftCallThroughFixes,
  type NumberFields,
} from '../../src/model/number-draft.js';
import { applyCommand, type Problem, type Snapshot } from '../../src/model/index.js';
import { fresh, numberOf, withStatus } from './snapshots.js';

/** A new number's form with these values typed. */
const typed = (values: Partial<NumberFields>): NumberFields => ({ ...emptyNumberFields, ...values });

/** An edited number's form: what it holds now, with these values changed. */
function editing(state: Snapshot, id: string, values: Partial<NumberFields> = {}): NumberFields {
  return { ...numberFieldsOf(numberOf(state, id)), ...values };
}

/** What `number/create` refuses these fields with, when it does. */
function createRefusal(state: Snapshot, fields: NumberFields): Problem | null {
  const applied = applyCommand(state, { type: 'number/create', id: 'c-new', number: { id: 'n-new', ...newNumberOf(fields) } });
  return applied.ok ? null : applied.problem;
}

describe('the Add and Edit Number form (number-draft)', () => {
  describe('its fields', () => {
    it('ADD-1 opening again starts from an empty form', () => {
      expect(emptyNumberFields).to.deep.equal({ label: '', dial: '', remoteExtension: false, fmc: false, callThrough: false });
      expect(Object.isFrozen(emptyNumberFields)).to.equal(true);
    });

    it('EDIT-1 an edited number’s form holds its label, number and flags', () => {
      expect(numberFieldsOf(numberOf(fresh(), 'work-mobile'))).to.deep.equal({
        label: 'Remote Extension Work mobile',
        dial: '0701234567',
        remoteExtension: true,
        fmc: true,
        callThrough: false,
      });
    });

    it('FMC-1 Call Through goes off with Remote Extension, and stays off when it comes back', () => {
      const on = typed({ remoteExtension: true, callThrough: true });
      const off = withRemoteExtension(on, false);
      expect(off).to.include({ remoteExtension: false, callThrough: false });
      expect(withRemoteExtension(off, true)).to.include({ remoteExtension: true, callThrough: false });
      expect(withRemoteExtension(on, true)).to.deep.equal(on);
    });
  });

  describe('labelProblem and dialProblem (FMT-1, FMT-2, EDIT-2, EDIT-3)', () => {
    it('FMT-2 an empty Label and Number are explained, as number/create refuses them', () => {
      const state = fresh();
      const empty = typed({});
      expect(labelProblem(empty)).to.deep.equal({ code: 'label-empty' });
      expect(dialProblem(state, empty)).to.deep.include({ code: 'number-empty', example: '09818123456' });
      expect(createRefusal(state, empty)).to.deep.equal(labelProblem(empty));
      expect(createRefusal(state, typed({ label: 'Cabin' }))).to.deep.equal(dialProblem(state, empty));
    });

    it('FMT-2 PLAT-2 says what is wrong with a typed number, as number/create does', () => {
      const state = fresh();
      for (const dial of ['abc', '09', '+46701234567', '5123456789', '0981\u200b812345']) {
        const fields = typed({ label: 'Cabin', dial });
        const problem = dialProblem(state, fields);
        expect(problem, dial).not.to.equal(null);
        expect(createRefusal(state, fields), dial).to.deep.equal(problem);
      }
      expect(dialProblem(state, typed({ dial: '09' }))).to.include({ code: 'number-length', destinationCode: '0' });
      expect(dialProblem(state, typed({ dial: '0981-812 34 56' })), 'formatting is dropped').to.equal(null);
    });

    it('FMT-2 a label that number/create refuses is refused alike', () => {
      for (const label of [' ', 'x'.repeat(51), 'a\u0007b', '\u202eevil']) {
        const fields = typed({ label, dial: '0981812345' });
        expect(labelProblem(fields), JSON.stringify(label)).not.to.equal(null);
        expect(createRefusal(fresh(), fields)).to.deep.equal(labelProblem(fields));
      }
      expect(labelProblem(typed({ label: ' Cabin ' }))).to.equal(null);
    });

    it('EDIT-3 an unchanged label is not checked again, a changed one is', () => {
      const state = fresh();
      const long = { ...numberOf(state, 'home'), label: 'An administrator’s label longer than fifty characters, as sent' };
      expect(labelProblem(numberFieldsOf(long), long)).to.equal(null);
      expect(labelProblem({ ...numberFieldsOf(long), label: `${long.label} ` }, long), 'spaces aside').to.equal(null);
      expect(labelProblem(editing(state, 'home', { label: ' ' }), numberOf(state, 'home'))).to.deep.equal({
        code: 'label-empty',
      });
    });

    it('EDIT-2 a locked number is not checked: the lock is what refuses it', () => {
      const state = fresh();
      const workMobile = numberOf(state, 'work-mobile');
      expect(dialProblem(state, editing(state, 'work-mobile', { dial: 'abc' }), workMobile)).to.equal(null);
    });

    it('FMT-2 an edited number is checked only when its digits change', () => {
      const state = fresh();
      const home = numberOf(state, 'home');
      expect(dialProblem(state, editing(state, 'home', { dial: '08-765 43 21' }), home)).to.equal(null);
      expect(dialProblem(state, editing(state, 'home', { dial: '08' }), home)).to.include({ code: 'number-length' });
    });
  });

  describe('what is sent', () => {
    it('ADD-2 a new number is sent with its label, number and Remote Extension flag', () => {
      const fields = typed({ label: 'Cabin', dial: '0981812345', remoteExtension: true, fmc: true });
      expect(newNumberOf(fields)).to.deep.equal({ label: 'Cabin', dial: '0981812345', remoteExtension: true });
    });

    it('EDIT-3 an edit sends only what differs: the label alone for a changed label', () => {
      const state = fresh();
      const workMobile = numberOf(state, 'work-mobile');
      expect(numberChanges(workMobile, editing(state, 'work-mobile', { label: 'Work phone' }))).to.deep.equal({
        label: 'Work phone',
      });
      expect(numberChanges(workMobile, editing(state, 'work-mobile')), 'nothing changed').to.deep.equal({});
      expect(numberChanges(workMobile, editing(state, 'work-mobile', { dial: '070-123 45 67' })), 'formatting only').to.deep.equal({});
    });

    it('FMC-1 an edit sends the flags that changed', () => {
      const state = fresh();
      const home = numberOf(state, 'home');
      const fields = withRemoteExtension(editing(state, 'home', { dial: '08 7654 3210', fmc: true }), true);
      expect(numberChanges(home, { ...fields, callThrough: true })).to.deep.equal({
        dial: '08 7654 3210',
        remoteExtension: true,
        fmc: true,
        callThrough: true,
      });
    });
  });

  describe('problemPlace', () => {
    it('ADD-4 FMT-3 a refused duplicate shows at Number, as every problem with the number does', () => {
      expect(problemPlace({ code: 'number-duplicate', label: 'Mobile' })).to.equal('number');
      expect(problemPlace(dialProblem(fresh(), typed({ dial: 'abc' })) ?? undefined)).to.equal('number');
      expect(problemPlace({ code: 'number-locked', reasons: [{ kind: 'admin-provisioned' }] })).to.equal('number');
    });

    it('EDIT-3 a refused label shows at Label', () => {
      expect(problemPlace({ code: 'label-empty' })).to.equal('label');
      expect(problemPlace({ code: 'label-too-long', maxLength: 50 })).to.equal('label');
      expect(problemPlace({ code: 'label-control-character' })).to.equal('label');
    });

    it('ADD-4 when the platform fails, or refuses for another reason, the reason shows under the buttons', () => {
      expect(problemPlace(undefined)).to.equal('form');
      expect(problemPlace({ code: 'not-permitted' })).to.equal('form');
      expect(problemPlace({ code: 'remote-extension-needs-admin' })).to.equal('form');
      expect(problemPlace({ code: 'version-stale' })).to.equal('form');
    });
  });

  describe('what is blocked, and why (ADD-3, EDIT-2, PLAT-1)', () => {
    it('EDIT-2 locks Number and Remote Extension of an admin-provisioned number in a status, and lists why', () => {
      const state = fresh();
      const reasons = [{ kind: 'in-status', statuses: ['Work from Home'] }, { kind: 'admin-provisioned' }];
      expect(editLocks(state, numberOf(state, 'work-mobile'))).to.deep.equal(reasons);
      expect(remoteExtensionBlock(state, numberOf(state, 'work-mobile'))).to.deep.equal({ kind: 'locked', reasons });
    });

    it('EDIT-2 locks "Mobile" once a status uses it as Call Using', () => {
      const before = fresh();
      expect(editLocks(before, numberOf(before, 'mobile'))).to.deep.equal([]);
      expect(remoteExtensionBlock(before, numberOf(before, 'mobile'))).to.equal(null);
      const after = withStatus(before, 'available', { callUsing: 'mobile' });
      expect(remoteExtensionBlock(after, numberOf(after, 'mobile'))).to.deep.equal({
        kind: 'locked',
        reasons: [{ kind: 'in-status', statuses: ['Available'] }],
      });
    });

    it('ADD-1 a new number has no locks', () => {
      expect(editLocks(fresh())).to.deep.equal([]);
      expect(remoteExtensionBlock(fresh())).to.equal(null);
    });

    it('ADD-3 without an admin-provisioned remote extension the checkbox is blocked, and says why', () => {
      const state = fresh({ adminRemoteExtension: false });
      expect(remoteExtensionBlock(state)).to.deep.equal({
        kind: 'unavailable',
        problem: { code: 'remote-extension-needs-admin' },
      });
      expect(remoteExtensionBlock(state, numberOf(state, 'home'))?.kind).to.equal('unavailable');
    });

    it('ADD-3 turning an existing remote extension off needs no administrator', () => {
      const base = fresh({ adminRemoteExtension: false });
      const state = { ...base, numbers: base.numbers.map((n) => (n.id === 'home' ? { ...n, remoteExtension: true } : n)) };
      expect(remoteExtensionBlock(state, numberOf(state, 'home'))).to.equal(null);
    });

    it('PLAT-1 off MX-One Remote Extension is unavailable, naming the platform', () => {
      const state = fresh({ kind: 'mivoice-business' });
      expect(remoteExtensionBlock(state)).to.deep.equal({
        kind: 'unavailable',
        problem: { code: 'remote-extension-unsupported', platform: state.platform.name },
      });
    });
  });

  describe('draftCallThroughFixes (FMC-2)', () => {
    it('FMC-2 warns what to change when Call Through is on but the active status has another Remote Extension', () => {
      const state = fresh();
      const workMobile = numberOf(state, 'work-mobile');
      expect(draftCallThroughFixes(state, workMobile, editing(state, 'work-mobile'))).to.deep.equal([]);
      const on = editing(state, 'work-mobile', { callThrough: true });
      expect(draftCallThroughFixes(state, workMobile, on)).to.deep.equal([
        { kind: 'make-status-remote-extension', status: 'Available' },
      ]);
      // The draft counts: FMC off in the form adds its fix, even with a half-typed label.
      expect(draftCallThroughFixes(state, workMobile, { ...on, fmc: false, label: '' })).to.deep.equal([
        { kind: 'enable-fmc' },
        { kind: 'make-status-remote-extension', status: 'Available' },
      ]);
    });

    it('FMC-2 gives no warning when the number is the active status’s Remote Extension with FMC on', () => {
      const state = { ...fresh(), activeStatusId: 'work-from-home' };
      const on = editing(state, 'work-mobile', { callThrough: true });
      expect(draftCallThroughFixes(state, numberOf(state, 'work-mobile'), on)).to.deep.equal([]);
    });
  });
});
