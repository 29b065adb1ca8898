/**
 * How browser tests wait: for the state or event they mean, never for a length of time.
 *
 * `waitUntil` polls `condition` until it is truthy. Its ceiling only turns a hang into a failure
 * with `message`; it is the same for every test and generous, because CI machines have two cores
 * that may both be busy (open-wc's own default, one second, was reached there by correct code).
 * Mocha's per-test timeout (web-test-runner.config.mjs) is longer still, so a wait that never
 * ends fails with its own message. ESLint keeps tests from importing open-wc's `waitUntil` or
 * `aTimeout`.
 */
// eslint-disable-next-line no-restricted-imports -- the one place that may wrap it
import { waitUntil as poll } from '@open-wc/testing';

/** How long any one wait may take before the test fails. */
export const WAIT_CEILING_MS = 20_000;

export function waitUntil(
  condition: () => unknown,
  message = 'the awaited state never came',
  { interval = 10 }: { readonly interval?: number } = {},
): Promise<void> {
  return poll(condition, `${message} (waited ${WAIT_CEILING_MS / 1000} s)`, { interval, timeout: WAIT_CEILING_MS });
}
