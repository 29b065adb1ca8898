/**
 * The event of `<status-remote-picker>`, in a file of its own so that the script-tag bundle's core can export
 * it without the element.
 */
/** Fired when the platform has accepted a status's new routing (STAT-5). */
export class StatusSavedEvent extends Event {
  static readonly eventName = 'status-saved';
  constructor(readonly statusId: string) {
    super(StatusSavedEvent.eventName, { bubbles: true, composed: true });
  }
}
