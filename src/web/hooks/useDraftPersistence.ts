/**
 * Keeps unsaved form content in localStorage so a session time-out, a reload or a crash never
 * loses typing. On mount a stored draft that differs from the initial value is offered back
 * ("检测到未保存的内容，是否恢复？"); the caller decides via `restore()` / `discard()`, and calls
 * `clear()` after a successful save.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useOptionalMe } from '../session/session';

const PREFIX = 'gg_draft:';
const SAVE_DELAY_MS = 400;

interface StoredDraft<T> {
  savedAt: number;
  value: T;
}

export interface DraftState<T> {
  /** A stored draft waiting for the person's decision (null when none). */
  pending: { value: T; savedAt: number } | null;
  restore(): T | null;
  discard(): void;
  /** Forget the stored draft (after a successful save). */
  clear(): void;
}

export function draftStorageKey(userId: string | undefined, key: string): string {
  return `${PREFIX}${userId ?? 'anon'}:${key}`;
}

function readDraft<T>(storageKey: string): StoredDraft<T> | null {
  try {
    const raw = window.localStorage.getItem(storageKey);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredDraft<T>;
    return parsed && typeof parsed === 'object' && 'value' in parsed ? parsed : null;
  } catch {
    return null;
  }
}

function same(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}

/**
 * @param key    stable name of the form (add a record id for edit forms)
 * @param value  the current form content; `undefined` while the form is not ready yet
 * @param opts.enabled  false to pause saving (e.g. a closed modal)
 * @param opts.baselineId  changes when the form is reloaded from the server (e.g. the record's
 *   version): the next ready value becomes the new baseline and a stored draft is offered again
 * @param opts.initial  the pristine content to compare with (default: the first ready value)
 */
export function useDraftPersistence<T>(
  key: string,
  value: T | undefined,
  opts: { enabled?: boolean; baselineId?: string | number; initial?: T } = {},
): DraftState<T> {
  const me = useOptionalMe();
  const storageKey = draftStorageKey(me?.id, key);
  const baselineKey = `${storageKey}#${opts.baselineId ?? ''}`;
  const enabled = opts.enabled !== false;
  const [pending, setPending] = useState<{ value: T; savedAt: number } | null>(null);
  const baseline = useRef<{ key: string; value: T | undefined } | null>(null);
  const decided = useRef(false);

  useEffect(() => {
    if (!enabled) baseline.current = null;
  }, [enabled]);

  // Look for a stored draft once per baseline.
  useEffect(() => {
    if (!enabled || value === undefined) return;
    if (baseline.current?.key === baselineKey) return;
    const pristine = opts.initial !== undefined ? opts.initial : value;
    baseline.current = { key: baselineKey, value: pristine };
    decided.current = false;
    const stored = readDraft<T>(storageKey);
    if (stored && !same(stored.value, pristine)) setPending({ value: stored.value, savedAt: stored.savedAt });
    else {
      if (stored) window.localStorage.removeItem(storageKey);
      setPending(null);
      decided.current = true;
    }
    // opts.initial is read once per baseline (baselineId changes when it does).
  }, [enabled, storageKey, baselineKey, value]);

  // Save (debounced) whenever the content differs from the pristine content. Nothing is written
  // while a stored draft waits for the person's decision, so it can never be overwritten.
  useEffect(() => {
    if (!enabled || value === undefined || baseline.current?.key !== baselineKey || !decided.current) return;
    const changed = !same(value, baseline.current.value);
    const t = window.setTimeout(() => {
      try {
        if (changed) window.localStorage.setItem(storageKey, JSON.stringify({ savedAt: Date.now(), value } satisfies StoredDraft<T>));
        else window.localStorage.removeItem(storageKey);
      } catch {
        // storage full or disabled: nothing more we can do here
      }
    }, SAVE_DELAY_MS);
    return () => window.clearTimeout(t);
  }, [enabled, storageKey, baselineKey, value, pending]);

  const restore = useCallback((): T | null => {
    decided.current = true;
    const p = pending;
    setPending(null);
    return p ? p.value : null;
  }, [pending]);

  const discard = useCallback(() => {
    decided.current = true;
    setPending(null);
    try {
      window.localStorage.removeItem(storageKey);
    } catch {
      // ignore
    }
  }, [storageKey]);

  const clear = useCallback(() => {
    decided.current = true;
    setPending(null);
    baseline.current = null;
    try {
      window.localStorage.removeItem(storageKey);
    } catch {
      // ignore
    }
  }, [storageKey]);

  return { pending, restore, discard, clear };
}

/** Reset so the next ready value becomes the new baseline (e.g. when a modal reopens). */
export function clearDraft(userId: string | undefined, key: string): void {
  try {
    window.localStorage.removeItem(draftStorageKey(userId, key));
  } catch {
    // ignore
  }
}
