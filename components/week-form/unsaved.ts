'use client';
// Unsaved work on the weekly form is never lost without a word: leaving asks, and a copy is kept on this
// device until it is saved (a crash, a closed tab or the back button included), to be offered back.
import { useEffect } from 'react';
import type { ReportDraft } from '../report-form/types';
import type { WeekDraft } from './types';

/** Asks before the page is left while `dirty`: a reload or closed tab (the browser's own question) and any link. */
export function useLeaveGuard(dirty: boolean, question: string): void {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    // Capture phase on the document: runs before the router's own link handler, which then never sees a
    // refused click.
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!a || a.target === '_blank' || a.hasAttribute('download')) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin === window.location.origin && url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
      if (!window.confirm(question)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, question]);
}

export interface LocalDraft {
  draft: WeekDraft;
  report: ReportDraft | null;
  baseVersion: number;
  savedAt: number;
}

// Per account: someone else signing in on this browser is not offered (or shown) another's unsaved work.
const keyOf = (owner: string, weekStart: string) => `weekline.draft.${owner}.${weekStart}`;

export function readLocalDraft(owner: string, weekStart: string): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(keyOf(owner, weekStart));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<LocalDraft>;
    const ok = d && typeof d.baseVersion === 'number' && typeof d.savedAt === 'number' && d.draft && typeof d.draft.values === 'object' && Array.isArray(d.draft.incidents);
    return ok ? (d as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeLocalDraft(owner: string, weekStart: string, d: LocalDraft): void {
  try {
    window.localStorage.setItem(keyOf(owner, weekStart), JSON.stringify(d));
  } catch {
    // Storage full or disabled: the leave guard still asks.
  }
}

export function clearLocalDraft(owner: string, weekStart: string): void {
  try {
    window.localStorage.removeItem(keyOf(owner, weekStart));
  } catch {
    // Nothing to clear.
  }
}
