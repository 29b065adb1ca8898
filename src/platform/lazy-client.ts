import type { Command, Snapshot } from '../model/index.js';
import type { CallOptions, ChangeListener, PlacedCall, PlatformClient, PlatformScope } from './client.js';

type CommandOf<T extends Command['type']> = Extract<Command, { type: T }>;

/**
 * A `PlatformClient` whose real client is made on first use, so that a platform's code (a chunk
 * of the bundle) loads only when a page chooses that platform. The scope is known up front, so
 * the Store can paint from its cache while the chunk is still on its way.
 */
export class LazyClient implements PlatformClient {
  private made: Promise<PlatformClient> | undefined;

  constructor(
    readonly scope: PlatformScope,
    private readonly make: () => Promise<PlatformClient>,
  ) {}

  private client(): Promise<PlatformClient> {
    // A failed load (the chunk could not be fetched) is not kept: the next call tries again.
    this.made ??= this.make().catch((error: unknown) => {
      this.made = undefined;
      throw error;
    });
    return this.made;
  }

  async load(options?: CallOptions): Promise<Snapshot> {
    return (await this.client()).load(options);
  }

  async createNumber(command: CommandOf<'number/create'>, options?: CallOptions): Promise<Snapshot> {
    return (await this.client()).createNumber(command, options);
  }

  async updateNumber(command: CommandOf<'number/update'>, options?: CallOptions): Promise<Snapshot> {
    return (await this.client()).updateNumber(command, options);
  }

  async deleteNumber(command: CommandOf<'number/delete'>, options?: CallOptions): Promise<Snapshot> {
    return (await this.client()).deleteNumber(command, options);
  }

  async updateStatus(command: CommandOf<'status/update'>, options?: CallOptions): Promise<Snapshot> {
    return (await this.client()).updateStatus(command, options);
  }

  async setActiveStatus(command: CommandOf<'status/activate'>, options?: CallOptions): Promise<Snapshot> {
    return (await this.client()).setActiveStatus(command, options);
  }

  async placeCall(deviceId: string, dial: string, options?: CallOptions): Promise<PlacedCall> {
    return (await this.client()).placeCall(deviceId, dial, options);
  }

  subscribe(listener: ChangeListener): () => void {
    let unsubscribe: (() => void) | undefined;
    let active = true;
    this.client().then(
      (client) => {
        if (active) unsubscribe = client.subscribe(listener);
      },
      () => undefined, // The failed load itself is reported by the call that needed the client.
    );
    return () => {
      active = false;
      unsubscribe?.();
    };
  }
}
