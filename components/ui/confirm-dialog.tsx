'use client';

import { useEffect, useRef } from 'react';
import { buttonClass, secondaryButtonClass } from './field';

/**
 * A question asked before something others will notice (withdrawing a publication, clearing a published
 * figure). A modal <dialog>: focus moves into it, Escape cancels, the page behind is inert.
 */
export function ConfirmDialog(props: { open: boolean; title: string; body: string; confirm: string; cancel: string; danger?: boolean; onConfirm: () => void; onCancel: () => void; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      data-testid={props.testId ?? 'confirm-dialog'}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
      className="m-auto max-w-md rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="confirm-title" className="text-lg font-semibold">{props.title}</h2>
      <p id="confirm-body" className="mt-2 text-sm">{props.body}</p>
      <div className="mt-4 flex justify-end gap-3">
        <button type="button" className={secondaryButtonClass} onClick={props.onCancel} autoFocus>
          {props.cancel}
        </button>
        <button type="button" className={props.danger ? buttonClass.replace('bg-sky-700', 'bg-red-700').replace('hover:bg-sky-800', 'hover:bg-red-800') : buttonClass} onClick={props.onConfirm}>
          {props.confirm}
        </button>
      </div>
    </dialog>
  );
}
