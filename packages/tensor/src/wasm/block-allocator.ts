/**
 * First-fit allocation of 64-byte-aligned blocks in a range of linear memory that can grow at
 * its end. Freed blocks merge with free neighbours, so a run that frees what it allocated ends
 * with one free block again. Addresses are byte offsets; the allocator never touches the memory.
 */
export const BLOCK_ALIGN = 64;

interface FreeBlock {
  start: number;
  size: number;
}

export class BlockAllocator {
  /** Free blocks sorted by start, never adjacent (adjacent ones are merged). */
  private readonly free: FreeBlock[] = [];
  private readonly sizes = new Map<number, number>();
  private end: number;

  /**
   * @param start first byte of the range (rounded up to the alignment)
   * @param grow makes the range reach `bytes` (its new end); false when the memory cannot grow
   */
  constructor(start: number, private readonly grow: (end: number) => boolean) {
    this.end = align(start);
  }

  /** The address of a new block of at least `bytes` bytes, or null when the memory cannot grow. */
  allocate(bytes: number): number | null {
    const size = Math.max(BLOCK_ALIGN, align(bytes));
    const index = this.free.findIndex((block) => block.size >= size);
    let start: number;
    if (index >= 0) {
      const block = this.free[index];
      start = block.start;
      if (block.size === size) this.free.splice(index, 1);
      else this.free[index] = { start: start + size, size: block.size - size };
    } else {
      // extend the last free block if it ends the range, else start at the end
      const last = this.free.at(-1);
      const tail = last !== undefined && last.start + last.size === this.end ? last : undefined;
      start = tail?.start ?? this.end;
      if (!this.grow(start + size)) return null;
      if (tail !== undefined) this.free.pop();
      this.end = start + size;
    }
    this.sizes.set(start, size);
    return start;
  }

  /** Returns a block to the free list; an address that is not an allocated block is an error. */
  release(start: number): void {
    const size = this.sizes.get(start);
    if (size === undefined) throw new Error(`BlockAllocator.release: ${start} is not the start of an allocated block`);
    this.sizes.delete(start);
    let index = this.free.findIndex((block) => block.start > start);
    if (index < 0) index = this.free.length;
    this.free.splice(index, 0, { start, size });
    const next = this.free.at(index + 1);
    if (next !== undefined && start + size === next.start) {
      this.free[index].size += next.size;
      this.free.splice(index + 1, 1);
    }
    const previous = index > 0 ? this.free[index - 1] : undefined;
    if (previous !== undefined && previous.start + previous.size === start) {
      previous.size += this.free[index].size;
      this.free.splice(index, 1);
    }
  }

  /** Bytes in allocated blocks. */
  get allocatedBytes(): number {
    let total = 0;
    for (const size of this.sizes.values()) total += size;
    return total;
  }

  /** The end of the range so far: the memory the allocator has asked for. */
  get reservedEnd(): number {
    return this.end;
  }

  /** Free blocks as [start, size] pairs, in address order (for tests and diagnostics). */
  freeBlocks(): [number, number][] {
    return this.free.map((block) => [block.start, block.size]);
  }
}

function align(bytes: number): number {
  return Math.ceil(bytes / BLOCK_ALIGN) * BLOCK_ALIGN;
}
