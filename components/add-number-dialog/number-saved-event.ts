export type NumberDialogMode = 'add' | 'edit';

/** Fired after the platform has accepted a new number or an edit. */
export class NumberSavedEvent extends Event {
  static readonly eventName = 'number-saved';
  readonly numberId: string;
  readonly mode: NumberDialogMode;

  constructor(numberId: string, mode: NumberDialogMode) {
    super(NumberSavedEvent.eventName, { bubbles: true, composed: true });
    this.numberId = numberId;
    this.mode = mode;
  }
}
