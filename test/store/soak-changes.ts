/**
 * What both soak tests share (test/store/soak.test.ts against the simulated platform,
 * test/platform/http-soak.test.ts against the reference server): a seeded random source, and one
 * random change of the kinds a person makes, tallied by how it ended.
 */
import { chooseRemoteExtension, deleteProblem, remoteExtensions } from '../../src/model/index.js';
import type { Store } from '../../src/store/index.js';

/** mulberry32: a small seeded generator, so a failing run can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How the changes ended, and which numbers were added and deleted by accepted ones. */
export interface Tally {
  accepted: number;
  refused: number;
  failed: number;
  readonly added: Set<string>;
  readonly deleted: Set<string>;
}

export function tally(): Tally {
  return { accepted: 0, refused: 0, failed: 0, added: new Set(), deleted: new Set() };
}

/**
 * Makes change number `i` in `store`: a status, a label, a new number, a deletion or a status's
 * Remote Extension, chosen with `random`. Resolves once it has ended, counted in `counts`;
 * null when there was nothing to change.
 */
export function randomChange(store: Store, random: () => number, i: number, counts: Tally): Promise<void> | null {
  const view = store.state.data;
  if (!view) return null;
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const roll = random();
  let change: Promise<unknown>;
  let onAccepted = () => {};
  if (roll < 0.3) {
    change = store.setActiveStatus(pick(view.statuses)!.id);
  } else if (roll < 0.5) {
    const number = pick(view.numbers)!;
    change = store.updateNumber(number.id, { label: `Label ${i}` });
  } else if (roll < 0.7) {
    const dial = `07${String(10_000_000 + Math.floor(random() * 89_999_999))}`;
    let id = '';
    change = store.createNumber({ label: `Number ${i}`, dial, remoteExtension: random() < 0.3 }).then((created) => {
      id = created;
    });
    onAccepted = () => counts.added.add(id);
  } else if (roll < 0.85) {
    const number = pick(view.numbers.filter((n) => deleteProblem(view, n.id) === null));
    if (!number) return null;
    change = store.deleteNumber(number.id);
    onAccepted = () => counts.deleted.add(number.id);
  } else {
    const status = pick(view.statuses)!;
    const remote = pick([null, ...remoteExtensions(view).map((n) => n.id)]) ?? null;
    change = store.updateStatus(chooseRemoteExtension(view, status, remote));
  }
  return change.then(
    () => {
      counts.accepted++;
      onAccepted();
    },
    (error: unknown) => {
      if ((error as { problem?: unknown }).problem) counts.refused++;
      else counts.failed++;
    },
  );
}
