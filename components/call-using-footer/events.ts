/**
 * The events of `<call-using-footer>`, in a file of their own so that the script-tag bundle's core
 * can export them without the element.
 */
/**
 * Asks the page's `<call-using-footer>` to place a call (CALL-2). Dispatch it from anywhere in
 * the page: it bubbles and is composed, so it reaches the document from inside shadow roots. The
 * first footer to see it claims it with `preventDefault()`, so one prompt opens, not one per footer.
 */
export class PlaceCallRequestEvent extends Event {
  static readonly eventName = 'place-call-request';
  /** The number to call, as the person or host page has it. */
  readonly dial: string;
  /** Whom the number reaches (a contact's name), when the page knows: the prompt names them. */
  readonly name: string | undefined;

  constructor(dial: string, name?: string) {
    super(PlaceCallRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.dial = dial;
    this.name = name;
  }
}

/** Fired when the platform has started a call from the Place Call With prompt. */
export class CallPlacedEvent extends Event {
  static readonly eventName = 'call-placed';
  readonly callId: string;
  readonly deviceId: string;
  readonly dial: string;

  constructor(call: { callId: string; deviceId: string; dial: string }) {
    super(CallPlacedEvent.eventName, { bubbles: true, composed: true });
    this.callId = call.callId;
    this.deviceId = call.deviceId;
    this.dial = call.dial;
  }
}
