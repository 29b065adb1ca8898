import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { CommandSchema, SnapshotSchema, type Snapshot } from '../../src/model/index.js';
import { sampleSnapshot, type SampleProfile } from '../../src/platform/sample-data.js';

const INTEGRITY = 'The snapshot refers to something it does not contain.';

const fresh = (): Snapshot => sampleSnapshot('u');

function issuesOf(input: unknown): string[] {
  const result = v.safeParse(SnapshotSchema, input);
  expect(result.success, 'the snapshot should be rejected').to.equal(false);
  return (result.issues ?? []).map((issue) => issue.message);
}

describe('schemas', () => {
  describe('SnapshotSchema (PC-4)', () => {
    const profiles: SampleProfile[] = [
      {},
      { kind: 'mx-one' },
      { kind: 'mx-one', adminRemoteExtension: true },
      { adminRemoteExtension: false },
      { kind: 'mivoice-business' },
      { kind: 'mivoice-business', adminRemoteExtension: true },
    ];

    for (const profile of profiles) {
      it(`PC-4 accepts the sample snapshot for profile ${JSON.stringify(profile)} unchanged`, () => {
        const snapshot = sampleSnapshot('user-1', profile);
        const result = v.safeParse(SnapshotSchema, snapshot);
        expect(result.success, JSON.stringify(result.issues)).to.equal(true);
        expect(result.output).to.deep.equal(snapshot);
      });
    }

    it('PC-4 accepts a snapshot whose active status is Work from Home (with its RE)', () => {
      expect(v.is(SnapshotSchema, { ...fresh(), activeStatusId: 'work-from-home' })).to.equal(true);
    });

    it('PC-4 rejects a snapshot whose active status is missing', () => {
      expect(issuesOf({ ...fresh(), activeStatusId: 'gone' })).to.deep.equal([INTEGRITY]);
    });

    it('PC-4 STAT-2 rejects a status whose Remote Extension is not a remote extension number', () => {
      const s = fresh();
      const statuses = s.statuses.map((x) => (x.id === 'available' ? { ...x, remoteExtensionId: 'mobile' } : x));
      expect(issuesOf({ ...s, statuses })).to.deep.equal([INTEGRITY]);
    });

    it('PC-4 STAT-2 rejects a status whose Remote Extension does not exist', () => {
      const s = fresh();
      const statuses = s.statuses.map((x) => (x.id === 'available' ? { ...x, remoteExtensionId: 'ghost' } : x));
      expect(issuesOf({ ...s, statuses })).to.deep.equal([INTEGRITY]);
    });

    it('PC-4 rejects a status whose RE number lost its Remote Extension flag', () => {
      const s = fresh();
      const numbers = s.numbers.map((n) => (n.id === 'work-mobile' ? { ...n, remoteExtension: false } : n));
      expect(issuesOf({ ...s, numbers })).to.deep.equal([INTEGRITY]);
    });

    it('PC-4 rejects a status routed to an unknown device (Call Using or Send my calls to)', () => {
      const s = fresh();
      for (const field of ['callUsing', 'sendCallsTo'] as const) {
        const statuses = s.statuses.map((x) => (x.id === 'in-a-meeting' ? { ...x, [field]: 'ghost' } : x));
        expect(issuesOf({ ...s, statuses }), field).to.deep.equal([INTEGRITY]);
      }
    });

    it('PC-4 rejects an unknown default device', () => {
      const s = fresh();
      expect(issuesOf({ ...s, platform: { ...s.platform, defaultDeviceId: 'ghost' } })).to.deep.equal([INTEGRITY]);
    });

    it('PC-4 rejects duplicate number ids', () => {
      const s = fresh();
      const numbers = [...s.numbers, { ...s.numbers[2]!, dial: '0711111111' }];
      expect(issuesOf({ ...s, numbers })).to.deep.equal([INTEGRITY]);
    });

    it('PC-4 rejects a number with the id of a platform device', () => {
      const s = fresh();
      const numbers = s.numbers.map((n) => (n.id === 'home' ? { ...n, id: 'softphone' } : n));
      expect(issuesOf({ ...s, numbers })).to.deep.equal([INTEGRITY]);
    });

    it('PC-4 rejects duplicate platform device ids', () => {
      const s = fresh();
      const devices = [...s.platform.devices, { ...s.platform.devices[0]! }];
      expect(issuesOf({ ...s, platform: { ...s.platform, devices } })).to.deep.equal([INTEGRITY]);
    });

    it('PC-4 rejects duplicate status ids', () => {
      const s = fresh();
      const statuses = [...s.statuses, { ...s.statuses[0]!, name: 'Available again' }];
      expect(issuesOf({ ...s, statuses })).to.deep.equal([INTEGRITY]);
    });

    it('PC-4 rejects a snapshot without statuses', () => {
      expect(issuesOf({ ...fresh(), statuses: [] }).length).to.be.greaterThan(0);
    });

    it('PC-4 rejects malformed fields: stored dial with formatting, bad id, unknown platform kind', () => {
      const s = fresh();
      const formatted = s.numbers.map((n) => (n.id === 'home' ? { ...n, dial: '08 765 43 21' } : n));
      expect(issuesOf({ ...s, numbers: formatted })).to.deep.equal(['A stored number is 1–32 digits.']);
      const badId = s.numbers.map((n) => (n.id === 'home' ? { ...n, id: 'home phone' } : n));
      expect(issuesOf({ ...s, numbers: badId })).to.deep.equal(['An id is 1–64 letters, digits, _ or -.']);
      expect(issuesOf({ ...s, platform: { ...s.platform, kind: 'asterisk' } }).length).to.be.greaterThan(0);
      expect(issuesOf({ ...s, version: -1 }).length).to.be.greaterThan(0);
      expect(issuesOf({ ...s, version: 1.5 }).length).to.be.greaterThan(0);
    });

    it('PC-4 FMT-1 rejects a dial plan without codes or with minLength above maxLength', () => {
      const s = fresh();
      const plan = s.platform.dialPlan;
      const broken = [
        { ...plan, destinationCodes: [] },
        { ...plan, destinationCodes: ['+'] },
        { ...plan, minLength: 11, maxLength: 10 },
        { ...plan, minLength: 0 },
      ];
      for (const dialPlan of broken) {
        expect(v.is(SnapshotSchema, { ...s, platform: { ...s.platform, dialPlan } }), JSON.stringify(dialPlan)).to.equal(
          false,
        );
      }
    });

    it('PC-4 rejects values that are not snapshots at all', () => {
      for (const input of [null, undefined, 42, 'snapshot', [], {}]) {
        expect(v.is(SnapshotSchema, input), JSON.stringify(input) ?? 'undefined').to.equal(false);
      }
    });

    it('PC-4 rejects a label longer than 200 characters (a hostile platform)', () => {
      const s = fresh();
      const numbers = s.numbers.map((n) => (n.id === 'home' ? { ...n, label: 'x'.repeat(201) } : n));
      expect(v.is(SnapshotSchema, { ...s, numbers })).to.equal(false);
    });
  });

  describe('CommandSchema (PC-1)', () => {
    const valid = [
      {
        type: 'number/create',
        id: 'c1',
        number: { id: 'n1', label: 'Cabin', dial: '0981 812 34 56', remoteExtension: false },
      },
      { type: 'number/update', id: 'c2', numberId: 'home', changes: {} },
      { type: 'number/update', id: 'c3', numberId: 'home', changes: { label: 'x', fmc: true, callThrough: false } },
      { type: 'number/delete', id: 'c4', numberId: 'home' },
      {
        type: 'status/update',
        id: 'c5',
        status: { id: 'available', remoteExtensionId: null, callUsing: 'desk-phone', sendCallsTo: 'desk-phone' },
      },
      { type: 'status/activate', id: 'c6', statusId: 'available' },
    ];

    for (const command of valid) {
      it(`PC-1 accepts a well-formed ${command.type} command`, () => {
        const result = v.safeParse(CommandSchema, command);
        expect(result.success, JSON.stringify(result.issues)).to.equal(true);
        expect(result.output).to.deep.equal(command);
      });
    }

    const malformed: [string, unknown][] = [
      ['null', null],
      ['a string', 'number/delete'],
      ['an unknown type', { type: 'number/rename', id: 'c1', numberId: 'home' }],
      ['a missing type', { id: 'c1', numberId: 'home' }],
      ['a missing id', { type: 'number/delete', numberId: 'home' }],
      ['an id with spaces', { type: 'number/delete', id: 'c 1', numberId: 'home' }],
      ['an id of 65 characters', { type: 'number/delete', id: 'a'.repeat(65), numberId: 'home' }],
      ['an empty number id', { type: 'number/delete', id: 'c1', numberId: '' }],
      ['create without a number', { type: 'number/create', id: 'c1' }],
      [
        'create with remoteExtension as a string',
        { type: 'number/create', id: 'c1', number: { id: 'n1', label: 'L', dial: '0', remoteExtension: 'yes' } },
      ],
      [
        'create with a numeric dial',
        { type: 'number/create', id: 'c1', number: { id: 'n1', label: 'L', dial: 9818123456, remoteExtension: false } },
      ],
      ['update with changes missing', { type: 'number/update', id: 'c1', numberId: 'home' }],
      ['update with fmc as a string', { type: 'number/update', id: 'c1', numberId: 'home', changes: { fmc: 'true' } }],
      [
        'status update without callUsing',
        { type: 'status/update', id: 'c1', status: { id: 'available', remoteExtensionId: null, sendCallsTo: 'desk-phone' } },
      ],
      [
        'status update with remoteExtensionId missing (None must be null)',
        { type: 'status/update', id: 'c1', status: { id: 'available', callUsing: 'desk-phone', sendCallsTo: 'desk-phone' } },
      ],
      ['activate without statusId', { type: 'status/activate', id: 'c1' }],
      ['activate with a numeric statusId', { type: 'status/activate', id: 'c1', statusId: 3 }],
    ];

    for (const [name, input] of malformed) {
      it(`PC-1 rejects a malformed command: ${name}`, () => {
        expect(v.is(CommandSchema, input)).to.equal(false);
      });
    }
  });
});
