/**
 * Time-ordered ids for bulk writers (RFC 9562 UUID version 7): 48 bits of Unix milliseconds, a 12-bit
 * sequence that keeps ids made within one millisecond in order, then 62 random bits. They have the same
 * text form as crypto.randomUUID() and are as unguessable where it matters (access is checked on every
 * id anyway). Imports use them because each of their transactions would otherwise insert 100 new keys
 * into 100 random leaf pages of every index that ends in the id (D38): ordered keys land in a few pages.
 */
const state = { ms: 0, seq: 0 };
const random = new Uint8Array(8 * 512);
let offset = random.length;

function randomBytes8(): Uint8Array {
  if (offset >= random.length) {
    crypto.getRandomValues(random);
    offset = 0;
  }
  const out = random.subarray(offset, offset + 8);
  offset += 8;
  return out;
}

export function orderedUuid(now: number = Date.now()): string {
  if (now > state.ms) {
    state.ms = now;
    state.seq = 0;
  } else if (++state.seq > 0xfff) {
    // 4,096 ids in one millisecond: borrow the next one (the clock catches up within milliseconds).
    state.ms++;
    state.seq = 0;
  }
  const r = randomBytes8();
  const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");
  const ms = hex(state.ms, 12);
  const variant = hex((r[0] & 0x3f) | 0x80, 2) + hex(r[1], 2);
  let tail = "";
  for (let i = 2; i < 8; i++) tail += hex(r[i], 2);
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hex(state.seq, 3)}-${variant}-${tail}`;
}
