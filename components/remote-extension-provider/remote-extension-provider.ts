import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { SimulatedPlatform, type PlatformClient } from '../../src/platform/index.js';
import { SnapshotCache, Store, storeContext } from '../../src/store/index.js';

/**
 * @summary Holds one Store and shares it, through `@lit/context`, with every Remote Extension
 * element inside it (SYNC-1). Two providers on a page are independent: two users, two platforms.
 *
 * @slot - The Remote Extension elements, anywhere in the subtree.
 */
export class RemoteExtensionProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Which platform to talk to when no `client` is given: `simulated` (the default). */
  @property({ reflect: true }) accessor platform: 'simulated' = 'simulated';

  /** The signed-in user of the simulated platform. */
  @property({ reflect: true }) accessor user = 'demo-user';

  /** Any `PlatformClient` an integrator writes; takes precedence over `platform`. */
  @property({ attribute: false }) accessor client: PlatformClient | undefined;

  private readonly provider = new ContextProvider(this, { context: storeContext });
  private current: Store | null = null;

  /** The Store this provider shares; made when the provider is connected. */
  get store(): Store | null {
    return this.current;
  }

  override connectedCallback(): void {
    this.replaceStore();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.current?.dispose();
    this.current = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new platform or user means a new Store, never one Store quietly re-pointed.
    const changedSource = changed.has('client') || changed.has('platform') || changed.has('user');
    if (this.hasUpdated && changedSource) this.replaceStore();
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  private replaceStore(): void {
    this.current?.dispose();
    const client = this.client ?? new SimulatedPlatform({ user: this.user });
    this.current = new Store({ client, cache: new SnapshotCache() });
    this.provider.setValue(this.current);
    void this.current.load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'remote-extension-provider': RemoteExtensionProvider;
  }
}
