import type { Command } from './schemas.js';

/** What a command changes: one number, one status's routing, or which status is active. */
export type Target =
  | { readonly kind: 'number'; readonly id: string }
  | { readonly kind: 'status'; readonly id: string }
  | { readonly kind: 'active-status' };

export function targetOf(command: Command): Target {
  switch (command.type) {
    case 'number/create':
      return { kind: 'number', id: command.number.id };
    case 'number/update':
    case 'number/delete':
      return { kind: 'number', id: command.numberId };
    case 'status/update':
      return { kind: 'status', id: command.status.id };
    case 'status/activate':
      return { kind: 'active-status' };
  }
}

/**
 * Whether a change to this kind of thing (to the one with `id`, when given) waits for the
 * platform's answer: its row says "Saving…", or "Waiting to be sent" while the Store's changes
 * wait (SYNC-4), and its controls wait (NUM-6, SYNC-3).
 */
export function isPending(pending: readonly Command[], kind: Target['kind'], id?: string): boolean {
  return pending.some((command) => {
    const target = targetOf(command);
    return target.kind === kind && (id === undefined || ('id' in target && target.id === id));
  });
}

/** The numbers with a change on its way, as one string: a cheap value to watch for re-rendering. */
export function pendingNumbers(pending: readonly Command[]): string {
  return pending
    .map(targetOf)
    .flatMap((target) => (target.kind === 'number' ? [target.id] : []))
    .join(' ');
}
