'use client';

import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

interface Entry {
  id: string;
  label: string;
  message: string;
}

/**
 * The list of everything a save refused, at the top of the form, announced and focused: the user is at the
 * sticky bottom bar when they press save, so the answer comes to them. It reads the invalid fields from the
 * form itself (every field marks itself `aria-invalid` and points `aria-describedby` at its message), so any
 * form gets it by rendering its fields the one way (components/ui/field.tsx).
 * `attempt` changes on every refused submit: each refusal moves focus here again.
 */
export function ErrorSummary(props: { formRef: RefObject<HTMLFormElement | null>; attempt: number; title: (count: number) => string; hint: string; fieldOf: (field: string, message: string) => string }) {
  const { formRef, attempt } = props;
  const [entries, setEntries] = useState<Entry[]>([]);
  const box = useRef<HTMLDivElement>(null);
  const focusNext = useRef(false);
  useLayoutEffect(() => {
    if (!attempt) return;
    const form = formRef.current;
    if (!form) return;
    const found: Entry[] = [];
    for (const el of form.querySelectorAll<HTMLElement>('[aria-invalid="true"]')) {
      const label = el.id ? form.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent ?? '' : '';
      const described = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      const message = described.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
      found.push({ id: el.id, label: label.trim() || el.getAttribute('aria-label') || '', message });
    }
    // Reading the DOM after React committed the errors: the one moment the list can be known.
    setEntries(found);
    focusNext.current = true;
  }, [attempt, formRef]);
  // The box exists only once it has entries: focus it on the render that shows them.
  useLayoutEffect(() => {
    if (!focusNext.current || !box.current) return;
    focusNext.current = false;
    box.current.focus();
    box.current.scrollIntoView({ block: 'center' });
  }, [entries]);
  if (!attempt || entries.length === 0) return null;
  return (
    <div ref={box} tabIndex={-1} role="alert" data-testid="error-summary" className="rounded-md border-2 border-red-600 bg-red-50 p-3 text-sm text-red-900 focus:outline-none focus:ring-4 focus:ring-red-600/40 dark:border-red-500 dark:bg-red-950 dark:text-red-100">
      <h2 className="font-semibold">{props.title(entries.length)}</h2>
      <p className="mt-1">{props.hint}</p>
      <ul className="mt-2 list-disc pl-5">
        {entries.map((e) => (
          <li key={e.id || e.label}>
            <a
              href={`#${e.id}`}
              className="underline"
              onClick={(ev) => {
                ev.preventDefault();
                const target = document.getElementById(e.id);
                target?.scrollIntoView({ block: 'center' });
                target?.focus();
              }}
            >
              {e.label ? props.fieldOf(e.label, e.message) : e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
