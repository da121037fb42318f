import { describe, expect, it } from 'vitest';
import { newClusterId } from '../src/kafka/cluster-id.js';

describe('newClusterId', () => {
  it('is a 16-byte uuid in unpadded base64url, like StorageTool random-uuid', () => {
    const id = newClusterId();
    expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
  });

  it('never starts with "-", which a command line would read as an option', () => {
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0), Buffer.alloc(16, 0x11)];
    const id = newClusterId(() => draws.shift() ?? Buffer.alloc(16, 0x22));
    expect(id).toBe(Buffer.alloc(16, 0x11).toString('base64url'));
  });
});
