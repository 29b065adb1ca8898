import { expect } from '@open-wc/testing';
import { newId, type Command, type Snapshot } from '../../src/model/index.js';
import { PlatformError, type PlatformChange } from '../../src/platform/index.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';
import { cleanUp, simulatedPlatform, uniqueDatabase, withIndexedDb } from '../helpers.js';

/** Awaits a promise that must reject with a PlatformError and returns that error. */
async function refusal(promise: Promise<unknown>): Promise<PlatformError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PlatformError);
    return error as PlatformError;
  }
  throw new Error('Expected the platform to refuse, but it accepted.');
}

const create = (dial: string, remoteExtension = false, label = 'Cabin') =>
  ({ type: 'number/create', id: newId(), number: { id: newId(), label, dial, remoteExtension } }) as const;

describe('SimulatedPlatform', () => {
  afterEach(cleanUp);

  describe('PC-2 sample data and persistence', () => {
    it('PC-2 starts with an admin-provisioned remote extension, a desk phone, a mobile and five statuses', async () => {
      const snapshot = await simulatedPlatform().load();
      expect(snapshot.platform.kind).to.equal('mx-one');
      expect(snapshot.numbers.some((n) => n.adminProvisioned && n.remoteExtension)).to.be.true;
      expect(snapshot.platform.devices.map((d) => d.kind)).to.include('desk');
      expect(snapshot.numbers.map((n) => n.label)).to.include('Mobile');
      expect(snapshot.statuses.map((s) => s.name)).to.deep.equal([
        'Available',
        'In a Meeting',
        'Out of Office',
        'Work from Home',
        'Do Not Disturb',
      ]);
    });

    it('NUM-4 labels the admin-provisioned remote extension with the platform default text', async () => {
      const snapshot = await simulatedPlatform().load();
      const admin = snapshot.numbers.find((n) => n.adminProvisioned && n.remoteExtension)!;
      expect(admin.label.startsWith(snapshot.platform.adminLabelPrefix)).to.be.true;
      expect(snapshot.platform.adminLabelPrefix).to.equal('Remote Extension');
    });

    it('PC-2 keeps its data in IndexedDB between reloads', async () => {
      const databaseName = uniqueDatabase('platform');
      const before = new SimulatedPlatform({ databaseName });
      const command = create('0812345678');
      await before.createNumber(command);
      const after = await new SimulatedPlatform({ databaseName }).load();
      expect(after.numbers.map((n) => n.id)).to.include(command.number.id);
    });

    it('PC-2 keeps separate accounts per user', async () => {
      const databaseName = uniqueDatabase('platform');
      await new SimulatedPlatform({ databaseName, user: 'ann' }).createNumber(create('0812345678'));
      const bob = await new SimulatedPlatform({ databaseName, user: 'bob' }).load();
      expect(bob.numbers.map((n) => n.dial)).not.to.include('0812345678');
    });

    it('PC-2 resets to the sample data, also as another profile', async () => {
      const platform = simulatedPlatform();
      await platform.createNumber(create('0812345678'));
      const reset = await platform.reset({ kind: 'mivoice-business' });
      expect(reset.platform.kind).to.equal('mivoice-business');
      expect(reset.numbers.map((n) => n.dial)).not.to.include('0812345678');
      expect((await platform.load()).platform.kind).to.equal('mivoice-business');
    });

    it('PC-2 a refused administrator change keeps IndexedDB in use and loses nothing', async () => {
      const databaseName = uniqueDatabase('platform');
      const platform = new SimulatedPlatform({ databaseName });
      let refused = false;
      await platform.admin.provisionRemoteExtension('long', 'x'.repeat(300), '0701112233').catch(() => {
        refused = true;
      });
      expect(refused, 'a 300-character label is refused').to.equal(true);
      await platform.admin.provisionRemoteExtension('car', 'Car', '0701112233');
      // Another simulator on the same database reads IndexedDB, not this one's memory.
      const elsewhere = await new SimulatedPlatform({ databaseName }).load();
      expect(elsewhere.numbers.map((n) => n.id)).to.include('car');
      expect((await platform.load()).numbers.map((n) => n.id)).to.include('car');
    });

    it('SYNC-8 keeps working in memory when IndexedDB is missing', async () => {
      await withIndexedDb(undefined, async () => {
        const platform = simulatedPlatform();
        const snapshot = await platform.createNumber(create('0812345678'));
        expect(snapshot.numbers.map((n) => n.dial)).to.include('0812345678');
        expect((await platform.load()).numbers.map((n) => n.dial)).to.include('0812345678');
      });
    });
  });

  describe('FMT-4 the platform enforces the rules itself', () => {
    it('FMT-4 refuses a malformed dial string with a typed invalid-input error and the FMT-2 message', async () => {
      const platform = simulatedPlatform();
      const error = await refusal(platform.createNumber(create('09818abc456')));
      expect(error.code).to.equal('invalid-input');
      expect(error.problem?.code).to.equal('number-bad-character');
      expect(error.message).to.contain('Start with the destination code 0, then the number, e.g. 09818123456');
      expect((await platform.load()).numbers).to.have.length(3);
    });

    it('FMT-4 refuses a number of the wrong length (FMT-1)', async () => {
      const error = await refusal(simulatedPlatform().createNumber(create('0123')));
      expect(error.code).to.equal('invalid-input');
      expect(error.problem?.code).to.equal('number-length');
    });

    it('FMT-3 refuses a number the user already has, written differently', async () => {
      const error = await refusal(simulatedPlatform().createNumber(create('073-987 65 43')));
      expect(error.code).to.equal('conflict');
      expect(error.problem).to.deep.equal({ code: 'number-duplicate', label: 'Mobile' });
    });

    it('NUM-3 refuses to delete an admin-provisioned number, even called directly', async () => {
      const platform = simulatedPlatform();
      const error = await refusal(platform.deleteNumber({ type: 'number/delete', id: newId(), numberId: 'work-mobile' }));
      expect(error.code).to.equal('forbidden');
      expect(error.problem?.code).to.equal('delete-admin-provisioned');
      expect((await platform.load()).numbers.map((n) => n.id)).to.include('work-mobile');
    });

    it('NUM-5 refuses to delete a number a status uses, naming the status', async () => {
      const platform = simulatedPlatform();
      await platform.updateStatus({
        type: 'status/update',
        id: newId(),
        status: { id: 'in-a-meeting', remoteExtensionId: null, callUsing: 'softphone', sendCallsTo: 'home' },
      });
      const error = await refusal(platform.deleteNumber({ type: 'number/delete', id: newId(), numberId: 'home' }));
      expect(error.code).to.equal('conflict');
      expect(error.message).to.contain('In a Meeting');
    });

    it('NUM-3 deletes a user-created number nothing uses', async () => {
      const platform = simulatedPlatform();
      const snapshot = await platform.deleteNumber({ type: 'number/delete', id: newId(), numberId: 'home' });
      expect(snapshot.numbers.map((n) => n.id)).not.to.include('home');
    });

    it('EDIT-2 refuses to renumber or un-flag an admin-provisioned remote extension', async () => {
      const platform = simulatedPlatform();
      const renumber = await refusal(
        platform.updateNumber({ type: 'number/update', id: newId(), numberId: 'work-mobile', changes: { dial: '0811111111' } }),
      );
      expect(renumber.code).to.equal('forbidden');
      expect(renumber.problem?.code).to.equal('number-locked');
      const unflag = await refusal(
        platform.updateNumber({
          type: 'number/update',
          id: newId(),
          numberId: 'work-mobile',
          changes: { remoteExtension: false },
        }),
      );
      expect(unflag.problem?.code).to.equal('number-locked');
    });

    it('EDIT-3 accepts a new label for an admin-provisioned number', async () => {
      const snapshot = await simulatedPlatform().updateNumber({
        type: 'number/update',
        id: newId(),
        numberId: 'work-mobile',
        changes: { label: 'My work phone' },
      });
      expect(snapshot.numbers.find((n) => n.id === 'work-mobile')?.label).to.equal('My work phone');
    });

    it('ADD-3 refuses a user remote extension when no admin-provisioned one exists', async () => {
      const platform = simulatedPlatform({ profile: { adminRemoteExtension: false } });
      const error = await refusal(platform.createNumber(create('0812345678', true)));
      expect(error.code).to.equal('forbidden');
      expect(error.problem?.code).to.equal('remote-extension-needs-admin');
    });

    it('ADD-2 creates a remote extension when one is provisioned', async () => {
      const snapshot = await simulatedPlatform().createNumber(create('0812345678', true));
      expect(snapshot.numbers.find((n) => n.dial === '0812345678')?.remoteExtension).to.be.true;
    });

    it('PLAT-1 refuses remote extensions on a platform that is not MX-One', async () => {
      const platform = simulatedPlatform({ profile: { kind: 'mivoice-business' } });
      const snapshot = await platform.load();
      expect(snapshot.numbers.some((n) => n.remoteExtension)).to.be.false;
      const error = await refusal(platform.createNumber(create('0812345678', true)));
      expect(error.problem?.code).to.equal('remote-extension-unsupported');
      const plain = await platform.createNumber(create('0812345678', false));
      expect(plain.numbers.map((n) => n.dial)).to.include('0812345678');
    });

    it('STAT-2 refuses a status whose Remote Extension is not a remote extension number', async () => {
      const error = await refusal(
        simulatedPlatform().updateStatus({
          type: 'status/update',
          id: newId(),
          status: { id: 'available', remoteExtensionId: 'mobile', callUsing: 'mobile', sendCallsTo: 'mobile' },
        }),
      );
      expect(error.code).to.equal('invalid-input');
      expect(error.problem?.code).to.equal('not-remote-extension');
    });

    it('FMT-4 refuses, called directly, everything else the rules refuse', async () => {
      const platform = simulatedPlatform();
      const cases: [Promise<unknown>, string, string][] = [
        [platform.createNumber(create('0812345678', false, '   ')), 'invalid-input', 'label-empty'],
        [
          platform.updateNumber({ type: 'number/update', id: newId(), numberId: 'mobile', changes: { callThrough: true } }),
          'invalid-input',
          'call-through-needs-remote-extension',
        ],
        [
          platform.updateStatus({
            type: 'status/update',
            id: newId(),
            status: { id: 'available', remoteExtensionId: null, callUsing: 'fax-machine', sendCallsTo: 'desk-phone' },
          }),
          'invalid-input',
          'unknown-device',
        ],
        [
          platform.createNumber({ ...create('0812345678'), number: { ...create('0812345678').number, id: 'desk-phone' } }),
          'conflict',
          'id-taken',
        ],
      ];
      for (const [call, code, problem] of cases) {
        const error = await refusal(call);
        expect([error.code, error.problem?.code]).to.deep.equal([code, problem]);
      }
      const other = simulatedPlatform({ profile: { kind: 'mivoice-business' } });
      await other.load();
      const re = await refusal(
        other.updateStatus({
          type: 'status/update',
          id: newId(),
          status: { id: 'available', remoteExtensionId: 'work-mobile', callUsing: 'desk-phone', sendCallsTo: 'desk-phone' },
        }),
      );
      expect(re.problem?.code).to.equal('remote-extension-unsupported');
      expect((await platform.load()).version).to.equal(1);
    });

    it('PC-1 refuses a command of the wrong shape from plain JavaScript', async () => {
      const platform = simulatedPlatform();
      const garbage = { type: 'number/create', id: 'x', number: { label: 1 } } as unknown as Command & {
        type: 'number/create';
      };
      const error = await refusal(platform.createNumber(garbage));
      expect(error.code).to.equal('invalid-input');
      const wrongMethod = { type: 'number/delete', id: newId(), numberId: 'home' } as unknown as Command & {
        type: 'number/create';
      };
      expect((await refusal(platform.createNumber(wrongMethod))).code).to.equal('invalid-input');
      expect((await platform.load()).numbers.map((n) => n.id)).to.include('home');
    });

    it('PC-1 refuses an unknown status or number with not-found', async () => {
      const platform = simulatedPlatform();
      const status = await refusal(platform.setActiveStatus({ type: 'status/activate', id: newId(), statusId: 'gone' }));
      expect(status.code).to.equal('not-found');
      const number = await refusal(platform.deleteNumber({ type: 'number/delete', id: newId(), numberId: 'gone' }));
      expect(number.code).to.equal('not-found');
    });
  });

  describe('PC-1 calls, versions and idempotency', () => {
    it('PC-1 gives every accepted change a new version', async () => {
      const platform = simulatedPlatform();
      const { version } = await platform.load();
      const after = await platform.setActiveStatus({ type: 'status/activate', id: newId(), statusId: 'in-a-meeting' });
      expect(after.version).to.equal(version + 1);
      expect(after.activeStatusId).to.equal('in-a-meeting');
    });

    it('PC-1 applies a command sent twice only once (idempotency key)', async () => {
      const platform = simulatedPlatform();
      const command = create('0812345678');
      const first = await platform.createNumber(command);
      const second = await platform.createNumber(command);
      expect(second.version).to.equal(first.version);
      expect(second.numbers.filter((n) => n.dial === '0812345678')).to.have.length(1);
    });

    it('PC-1 places a call from a device and refuses an unknown device or a bad target', async () => {
      const platform = simulatedPlatform();
      const call = await platform.placeCall('work-mobile', '4712');
      expect(call).to.include({ deviceId: 'work-mobile', dial: '4712' });
      expect(call.callId).to.match(/^[0-9a-f]{32}$/);
      expect((await refusal(platform.placeCall('nowhere', '4712'))).code).to.equal('invalid-input');
      expect((await refusal(platform.placeCall('desk-phone', 'call me'))).problem?.code).to.equal('call-target-invalid');
    });

    it('PC-1 aborts a slow call through its AbortSignal and changes nothing', async () => {
      const platform = simulatedPlatform({ latency: 60_000 });
      const controller = new AbortController();
      const pending = platform.createNumber(create('0812345678'), { signal: controller.signal });
      controller.abort();
      let caught: unknown;
      await pending.catch((error: unknown) => (caught = error));
      expect(caught).to.be.instanceOf(DOMException);
      expect((caught as DOMException).name).to.equal('AbortError');
      platform.configure({ latency: 0 });
      expect((await platform.load()).numbers.map((n) => n.dial)).not.to.include('0812345678');
    });

    it('PC-2 fails a share of calls on request, with a retryable typed error, changing nothing', async () => {
      const platform = simulatedPlatform({ failureRate: 1 });
      const error = await refusal(platform.createNumber(create('0812345678')));
      expect(error.code).to.equal('unavailable');
      expect(error.retryable).to.be.true;
      platform.configure({ failureRate: 0 });
      expect((await platform.load()).numbers.map((n) => n.dial)).not.to.include('0812345678');
    });

    it('PC-2 fails about the configured share of calls', async () => {
      let seed = 1;
      const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
      const platform = simulatedPlatform({ failureRate: 0.25, random });
      let failures = 0;
      for (let i = 0; i < 200; i++) await platform.load().catch(() => failures++);
      expect(failures).to.be.within(30, 70);
    });
  });

  describe('SYNC-6 change feed', () => {
    it('SYNC-6 tells subscribers of every accepted change', async () => {
      const platform = simulatedPlatform();
      const changes: Snapshot[] = [];
      const stop = platform.subscribe(({ snapshot }) => changes.push(snapshot));
      await platform.setActiveStatus({ type: 'status/activate', id: newId(), statusId: 'do-not-disturb' });
      await refusal(platform.deleteNumber({ type: 'number/delete', id: newId(), numberId: 'work-mobile' }));
      stop();
      await platform.setActiveStatus({ type: 'status/activate', id: newId(), statusId: 'available' });
      expect(changes.map((s) => s.activeStatusId)).to.deep.equal(['do-not-disturb']);
    });

    it('SYNC-6 delivers an administrator change to another simulator of the same account', async () => {
      const databaseName = uniqueDatabase('platform');
      const admin = new SimulatedPlatform({ databaseName });
      const client = new SimulatedPlatform({ databaseName });
      await client.load();
      const received = new Promise<PlatformChange>((resolve) => {
        const stop = client.subscribe((change) => {
          stop();
          resolve(change);
        });
      });
      await admin.admin.provisionRemoteExtension('car-phone', 'Car', '0761112233');
      const { snapshot } = await received;
      const added = snapshot.numbers.find((n) => n.id === 'car-phone')!;
      expect(added).to.include({ label: 'Remote Extension Car', remoteExtension: true, adminProvisioned: true });
    });

    it('SYNC-6 an administrator removing a remote extension resets the statuses that used it (STAT-6)', async () => {
      const platform = simulatedPlatform();
      const snapshot = await platform.admin.removeNumber('work-mobile');
      const home = snapshot.statuses.find((s) => s.id === 'work-from-home')!;
      expect(home).to.include({ remoteExtensionId: null, callUsing: 'desk-phone', sendCallsTo: 'desk-phone' });
    });
  });
});
