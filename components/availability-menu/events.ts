/**
 * The event of `<availability-menu>`, in a file of its own so that the script-tag bundle's core can export
 * it without the element.
 */
/** Fired after the platform has accepted a new active status (ACT-1). */
export class ActiveStatusChangeEvent extends Event {
  static readonly eventName = 'active-status-change';
  readonly statusId: string;

  constructor(statusId: string) {
    super(ActiveStatusChangeEvent.eventName, { bubbles: true, composed: true });
    this.statusId = statusId;
  }
}
