import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { DynamicStatus } from '../../src/model/index.js';
import { menuFocusIndex } from '../shared/menu.js';
import { presenceDot } from '../shared/presence.js';

/**
 * The look of `StatusRadioGroup`: the shared `listStyles` (one row a status), a radio circle, the
 * checked one filled.
 */
export const statusRadioStyles = css`
  [role='radiogroup'] {
    margin-block-end: 0.25em;
  }
  [role='radio'] {
    display: flex;
    align-items: center;
    gap: 0.5em;
    cursor: pointer;
  }
  [role='radio']:hover {
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  [role='radio'][aria-checked='true'] {
    background: color-mix(in srgb, var(--_accent) 15%, transparent);
    font-weight: 600;
  }
  [role='radio']:focus-visible {
    outline-offset: -2px;
  }
  .radio {
    flex: none;
    width: 1em;
    height: 1em;
    border: 2px solid var(--_muted);
    border-radius: 50%;
  }
  [aria-checked='true'] > .radio {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 0.18em var(--_surface), inset 0 0 0 0.5em var(--_accent);
  }
`;

export interface StatusRadioGroupView {
  readonly statuses: readonly DynamicStatus[];
  /** The status in force: the checked radio. */
  readonly checkedId: string;
  /** The id of the group's visible label. */
  readonly labelledBy: string;
  /** A change of status is on its way. */
  readonly busy: boolean;
  /** The id of why the last change was refused, when it was. */
  readonly describedBy?: string | undefined;
}

/**
 * The statuses as a WAI-ARIA radio group with a roving tabindex (ACT-1). APG's radio group checks
 * the radio the arrows move to; here each check is a call to the platform and changes where the
 * person's calls ring, so the arrows (Right and Down next, Left and Up previous, wrapping) and
 * Home/End only move focus, and Space, Enter or a click calls `choose`. Tab enters on the checked
 * radio and leaves from the focused one.
 */
export class StatusRadioGroup {
  /**
   * The radio that has focus, while one has. The roving tabindex follows it, so Tab leaves the
   * group from there; once focus is outside, the checked radio is the group's one tab stop again.
   */
  #focusedId: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly choose: (statusId: string) => void,
  ) {}

  render({ statuses, checkedId, labelledBy, busy, describedBy }: StatusRadioGroupView): TemplateResult {
    const focused = this.#focusedId;
    const tabStop = focused !== null && statuses.some((s) => s.id === focused) ? focused : checkedId;
    return html`
      <div
        role="radiogroup"
        class="list"
        part="group"
        aria-labelledby=${labelledBy}
        aria-busy=${busy ? 'true' : 'false'}
        aria-describedby=${describedBy ?? nothing}
        @keydown=${this.#handleKeydown}
        @focusin=${this.#handleFocusin}
        @focusout=${this.#handleFocusout}
      >
        ${statuses.map(
          (status) => html`
            <div
              role="radio"
              part="option"
              tabindex=${status.id === tabStop ? '0' : '-1'}
              aria-checked=${status.id === checkedId ? 'true' : 'false'}
              data-status-id=${status.id}
              @click=${() => this.choose(status.id)}
            >
              <span class="radio" aria-hidden="true"></span>
              ${presenceDot(status)}
              <span>${status.name}</span>
            </div>
          `,
        )}
      </div>
    `;
  }

  #focus(id: string | null): void {
    if (id === this.#focusedId) return;
    this.#focusedId = id;
    this.host.requestUpdate();
  }

  readonly #handleKeydown = (event: KeyboardEvent): void => {
    const radios = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[role="radio"]')];
    const current = radios.findIndex((radio) => radio.matches(':focus'));
    if (current < 0) return;
    // Right and Down both mean next in APG's radio group, Left and Up previous.
    const key = event.key === 'ArrowRight' ? 'ArrowDown' : event.key === 'ArrowLeft' ? 'ArrowUp' : event.key;
    const next = menuFocusIndex(key, current, radios.length);
    if (next !== null) {
      event.preventDefault();
      const radio = radios[next];
      if (!radio) return;
      this.#focus(radio.dataset['statusId'] ?? null);
      radio.focus();
      return;
    }
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      const id = radios[current]?.dataset['statusId'];
      if (id) this.choose(id);
    }
  };

  readonly #handleFocusin = (event: FocusEvent): void => {
    const id = (event.target as HTMLElement).dataset['statusId'];
    if (id) this.#focus(id);
  };

  readonly #handleFocusout = (event: FocusEvent): void => {
    const to = event.relatedTarget;
    const group = event.currentTarget as HTMLElement;
    if (!(to instanceof Node && group.contains(to))) this.#focus(null);
  };
}

