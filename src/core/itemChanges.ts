// One event for every change App Keys makes to an item: the tree and the open documents subscribe,
// commands never update views by hand.
import type { ConfiguredApplication } from './application';
import type { ResourceItem, ResourceType } from './platforms/platform';

export interface ItemChange {
  kind: 'created' | 'updated' | 'statusChanged' | 'deleted';
  app: ConfiguredApplication;
  resource: ResourceType;
  id: string;
  /** The item as the server answered (undefined after a delete). */
  item?: ResourceItem;
}

export type ItemChangeListener = (change: ItemChange) => void;

export class ItemChanges {
  private readonly listeners = new Set<ItemChangeListener>();

  /** Returns the unsubscribe. */
  on(listener: ItemChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: ItemChange): void {
    // One listener failing must not keep the others (or the command) from their work.
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // The listener's own error handling is its job.
      }
    }
  }
}
