/**
 * Sent by the script-tag bundle's autoloader (entries/autoloader.ts) from each of our elements
 * whose code could not be fetched. It bubbles to the element's provider, which says so and offers
 * `retry`: the element itself cannot, as it has no code yet.
 */
export class ElementLoadFailedEvent extends Event {
  static readonly eventName = 'remote-extension-element-load-failed';
  /**
   * Fetches the code of every element of ours in the page not yet defined, again. Resolves when
   * all of them are defined; rejects when a fetch fails again (each element left undefined then
   * sends this event again).
   */
  readonly retry: () => Promise<void>;

  constructor(retry: () => Promise<void>) {
    super(ElementLoadFailedEvent.eventName, { bubbles: true });
    this.retry = retry;
  }
}
