import { describe, expect, it } from 'vitest';
import * as vocab from './vocabularies';

describe('vocabularies', () => {
  it('lists each value once, in snake_case', () => {
    for (const [name, list] of Object.entries(vocab)) {
      if (!Array.isArray(list)) continue;
      expect(new Set(list).size, name).toBe(list.length);
      for (const v of list) expect(v, name).toMatch(/^[a-z]+(_[a-z]+)*$/);
    }
  });

  it('has one word for a confirmed recognition (the one registration writes)', () => {
    expect(vocab.RECOGNITION_STATUSES).toContain('recognised');
    expect(vocab.RECOGNITION_STATUSES as readonly string[]).not.toContain('confirmed');
  });

  it('lets a user upload only for purposes the files table knows', () => {
    for (const p of vocab.UPLOAD_PURPOSES) expect(vocab.FILE_PURPOSES).toContain(p);
  });
});
