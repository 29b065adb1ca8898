/**
 * PC-4 (issue 17, finding 6): an Idempotency-Key is bound to the command it was first used for.
 * Driven through src/platform/account.ts, the code the simulated platform and the reference
 * server both run, and once through the simulated platform itself.
 */
import { expect } from '@open-wc/testing';
import { swedish } from '../../components/shared/swedish.js';
import { describeProblem, problemKind, type Command } from '../../src/model/index.js';
import { freshAccount, parseAccount, runCommand, type Account, type CommandOutcome } from '../../src/platform/account.js';
import { PlatformError } from '../../src/platform/errors.js';
import { sampleSnapshot } from '../../src/platform/sample-data.js';
import { SimulatedPlatform } from '../../src/platform/simulated/index.js';

const create = (label = 'Cabin'): Command => ({
  type: 'number/create',
  id: 'key-1',
  number: { id: 'cabin', label, dial: '09818123456', remoteExtension: false },
});

function applied(outcome: CommandOutcome): Account {
  if (outcome.kind !== 'applied') throw new Error(`expected the command to be applied, got ${JSON.stringify(outcome)}`);
  return outcome.account;
}

/** An account as a platform keeps it: through JSON (the server's file) and the schema it is read with. */
const stored = (account: Account): Account => parseAccount(JSON.parse(JSON.stringify(account))) ?? expect.fail('not a valid account');

describe('idempotency keys bound to their command (issue 17, finding 6)', () => {
  it('PC-4 the same key with the same command answers the current snapshot and applies nothing again', () => {
    const account = stored(applied(runCommand(freshAccount('u'), create())));
    // The same fields in another order are the same command.
    const { id, type, number } = create() as Extract<Command, { type: 'number/create' }>;
    const again = runCommand(account, { number: { remoteExtension: false, dial: number.dial, label: number.label, id: number.id }, id, type });
    expect(again).to.deep.equal({ kind: 'replayed', snapshot: account.snapshot });
    expect(account.snapshot.numbers.filter((n) => n.id === 'cabin')).to.have.length(1);
  });

  it('PC-4 a key reused with another body, or for another kind of change, is refused with idempotency-key-reused and nothing is applied', () => {
    const account = stored(applied(runCommand(freshAccount('u'), create())));
    const reuses: Command[] = [
      create('Boat'),
      { type: 'number/delete', id: 'key-1', numberId: 'home' },
      { type: 'status/activate', id: 'key-1', statusId: 'in-a-meeting' },
    ];
    for (const command of reuses) {
      expect(runCommand(account, command), command.type).to.deep.equal({
        kind: 'refused',
        problem: { code: 'idempotency-key-reused' },
      });
    }
    const problem = { code: 'idempotency-key-reused' } as const;
    expect(problemKind(problem), 'answered 422 by the server').to.equal('invalid-input');
    expect(describeProblem(problem)).to.equal(
      'This Idempotency-Key was already used for a different change. Send each change with a key of its own.',
    );
    expect(swedish.shared.problem(problem)).to.equal(
      'Nyckeln (Idempotency-Key) användes redan för en annan ändring. Skicka varje ändring med en egen nyckel.',
    );
    // The original command is still answered as a replay afterwards.
    expect(runCommand(account, create()).kind).to.equal('replayed');
  });

  it('PC-4 a refused command is not remembered: its key may be sent again with a corrected body', () => {
    const refused = runCommand(freshAccount('u'), create('  '));
    expect(refused).to.deep.equal({ kind: 'refused', problem: { code: 'label-empty' } });
    expect(runCommand(freshAccount('u'), create()).kind).to.equal('applied');
  });

  it('PC-4 an account stored before keys had fingerprints is still read; a replay of one of its keys is answered as before', () => {
    const old = { schemaVersion: 1, snapshot: sampleSnapshot('u'), processed: ['key-1'] };
    const account = parseAccount(old) ?? expect.fail('the old shape is not read');
    expect(runCommand(account, create('Anything')).kind, 'an old key is a replay, whatever the body').to.equal('replayed');
    const next = stored(applied(runCommand(account, { ...create(), id: 'key-2' })));
    expect(runCommand(next, { ...create('Boat'), id: 'key-2' }).kind).to.equal('refused');
    expect(runCommand(next, create('Anything')).kind, 'the old key is kept').to.equal('replayed');
  });

  it('PC-4 the simulated platform refuses a reused key as invalid input, and changes nothing', async () => {
    const platform = new SimulatedPlatform({ user: 'u', databaseName: `idempotency-${crypto.randomUUID()}`, persist: false });
    const command = create() as Extract<Command, { type: 'number/create' }>;
    const first = await platform.createNumber(command);
    const error = await platform.createNumber({ ...command, number: { ...command.number, label: 'Boat' } }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(PlatformError);
    expect(error).to.include({ code: 'invalid-input' });
    expect((error as PlatformError).problem).to.deep.equal({ code: 'idempotency-key-reused' });
    expect(await platform.load()).to.deep.equal(first);
    expect(await platform.createNumber(command)).to.deep.equal(first);
  });
});
