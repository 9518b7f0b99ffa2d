/**
 * The first row of each phone number in a file, for reporting repeats: an
 * open-addressing hash table over typed arrays, 24 bytes a number at most.
 * A Map of a million numbers costs several times that, and an import of a
 * million rows must stay in a few hundred megabytes.
 */
export class PhoneRowIndex {
  private keys = new Float64Array(1 << 12);
  private rows = new Int32Array(1 << 12);
  private count = 0;

  /** The row `key` was first seen in, or undefined; keys are E.164 numbers as numbers (never 0). */
  firstRow(key: number): number | undefined {
    const slot = this.find(key);
    return this.keys[slot] === key ? this.rows[slot] : undefined;
  }

  remember(key: number, row: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const slot = this.find(key);
    if (this.keys[slot] === key) return;
    this.keys[slot] = key;
    this.rows[slot] = row;
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** The slot holding `key`, or the empty one where it would go (linear probing; 0 marks empty). */
  private find(key: number): number {
    const mask = this.keys.length - 1;
    // Numbers differ mostly in their last digits: mix the high and low parts before masking.
    let slot = (Math.imul((key % 0x80000000) ^ Math.floor(key / 0x80000000), 0x9e3779b1) >>> 0) & mask;
    while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.rows = new Int32Array(keys.length * 2);
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.remember(keys[i]!, rows[i]!);
  }
}
