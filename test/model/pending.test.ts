import { expect } from '@open-wc/testing';
import { isPending, pendingNumbers, targetOf, type Command } from '../../src/model/index.js';

const update: Command = { type: 'number/update', id: 'c1', numberId: 'n1', changes: { label: 'Home' } };
const remove: Command = { type: 'number/delete', id: 'c2', numberId: 'n2' };
const routing: Command = {
  type: 'status/update',
  id: 'c3',
  status: { id: 'in-office', remoteExtensionId: null, callUsing: 'desk', sendCallsTo: 'desk' },
};
const activate: Command = { type: 'status/activate', id: 'c4', statusId: 'out-of-office' };

describe('what is pending (NUM-6, SYNC-3)', () => {
  it('names what each command changes', () => {
    expect(targetOf(update)).to.deep.equal({ kind: 'number', id: 'n1' });
    expect(targetOf(routing)).to.deep.equal({ kind: 'status', id: 'in-office' });
    expect(targetOf(activate)).to.deep.equal({ kind: 'active-status' });
  });

  it('answers for one item, or for any of a kind', () => {
    const pending = [update, routing];
    expect(isPending(pending, 'number', 'n1')).to.equal(true);
    expect(isPending(pending, 'number', 'n2')).to.equal(false);
    expect(isPending(pending, 'status', 'in-office')).to.equal(true);
    expect(isPending(pending, 'status', 'out-of-office')).to.equal(false);
    expect(isPending(pending, 'status')).to.equal(true);
    expect(isPending(pending, 'active-status')).to.equal(false);
    expect(isPending([activate], 'active-status')).to.equal(true);
  });

  it('lists the numbers with a change on its way, and only those', () => {
    expect(pendingNumbers([update, routing, remove, activate])).to.equal('n1 n2');
    expect(pendingNumbers([])).to.equal('');
  });
});
