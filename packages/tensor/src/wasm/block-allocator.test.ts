import { describe, expect, it } from "vitest";
import { BLOCK_ALIGN, BlockAllocator } from "./block-allocator";

function allocator(limit = Infinity): { a: BlockAllocator; ends: number[] } {
  const ends: number[] = [];
  const a = new BlockAllocator(100, (end) => {
    ends.push(end);
    return end <= limit;
  });
  return { a, ends };
}

describe("BlockAllocator", () => {
  it("aligns the start and every size to 64 bytes and lays blocks end to end", () => {
    const { a } = allocator();
    // 100 rounds up to 128; 1 byte takes a whole 64-byte block; 65 bytes take 128
    expect(a.allocate(1)).toBe(128);
    expect(a.allocate(65)).toBe(192);
    expect(a.allocate(64)).toBe(320);
    expect(a.reservedEnd).toBe(384);
    expect(a.allocatedBytes).toBe(64 + 128 + 64);
  });

  it("reuses a freed block first fit, splitting it", () => {
    const { a } = allocator();
    const x = a.allocate(256)!;
    a.allocate(64);
    a.release(x);
    expect(a.allocate(64)).toBe(x);
    expect(a.freeBlocks()).toEqual([[x + 64, 192]]);
  });

  it("merges freed neighbours on both sides, back to one free block", () => {
    const { a } = allocator();
    const blocks = [a.allocate(64)!, a.allocate(128)!, a.allocate(64)!, a.allocate(192)!];
    for (const i of [0, 2, 1, 3]) a.release(blocks[i]);
    expect(a.freeBlocks()).toEqual([[128, 64 + 128 + 64 + 192]]);
    expect(a.allocatedBytes).toBe(0);
    // the whole range is one block again: a large request fits without growing
    expect(a.allocate(448)).toBe(128);
  });

  it("grows the last free block at the end of the range instead of leaving it behind", () => {
    const { a, ends } = allocator();
    const x = a.allocate(64)!;
    const y = a.allocate(64)!;
    a.release(y);
    // y's 64 free bytes end the range: a 256-byte block starts at y and the range grows by 192
    expect(a.allocate(256)).toBe(y);
    expect(ends.at(-1)).toBe(y + 256);
    expect(x).toBe(128);
  });

  it("returns null when the memory cannot grow, changing nothing", () => {
    const { a } = allocator(1000);
    expect(a.allocate(512)).toBe(128);
    expect(a.allocate(512)).toBeNull();
    expect(a.reservedEnd).toBe(640);
    expect(a.allocatedBytes).toBe(512);
  });

  it("rejects releasing an address it did not hand out", () => {
    const { a } = allocator();
    const x = a.allocate(64)!;
    expect(() => { a.release(x + BLOCK_ALIGN); }).toThrow(/not the start of an allocated block/);
    a.release(x);
    expect(() => { a.release(x); }).toThrow(/not the start/);
  });
});
