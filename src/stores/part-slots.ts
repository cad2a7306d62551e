import { Limiter } from '../util/limiter.js';
import { pieceBuffers, type PieceBuffers } from './file-range-body.js';

/** One part's place in flight: the buffers its body is read through. */
export interface PartSlot {
  readonly buffers: PieceBuffers;
  /** After a failed request (which may still hold its pieces somewhere): the next one gets new buffers. */
  renew(): void;
}

/**
 * The parts a store has in flight, shared by every upload to it: however many packages go up at once,
 * at most `limit` parts do, each reading through its 2 MiB of buffers, which the next part reuses.
 */
export class PartSlots {
  private readonly limiter: Limiter;
  private readonly spare: PieceBuffers[] = [];

  constructor(limit: number) {
    this.limiter = new Limiter(limit);
  }

  run<T>(task: (slot: PartSlot) => Promise<T>): Promise<T> {
    return this.limiter.run(async () => {
      const slot = { buffers: this.spare.pop() ?? pieceBuffers(), renew: () => undefined };
      slot.renew = () => {
        slot.buffers = pieceBuffers();
      };
      // Buffers go back only after a part that went through; a failed one's are left to the collector.
      const result = await task(slot);
      this.spare.push(slot.buffers);
      return result;
    });
  }
}
