// A small menu (role="menu") opened by its button or, for a row, by a right-click: arrow keys move,
// Escape or a click elsewhere closes it, and focus returns to the button.
import { type ReactNode, useEffect, useRef, useState } from 'react';

export interface MenuEntry {
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

export function PopupMenu({
  label,
  entries,
  children,
  openSignal,
  className = 'icon-button',
}: {
  label: string;
  entries: readonly MenuEntry[];
  children: ReactNode;
  /** Changes when something else (a right-click on the row) asks the menu to open. */
  openSignal?: number;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (openSignal) setOpen(true);
  }, [openSignal]);
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const away = (event: MouseEvent): void => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);
  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
  const move = (step: number): void => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    items[(at + step + items.length) % items.length]?.focus();
  };
  return (
    <span className="popup-menu">
      <button
        ref={button}
        type="button"
        className={className}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {children}
      </button>
      {open ? (
        <ul
          ref={menu}
          role="menu"
          aria-label={label}
          className="popup-menu-list"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            } else if (e.key === 'ArrowDown') move(1);
            else if (e.key === 'ArrowUp') move(-1);
            else return;
            e.preventDefault();
          }}
        >
          {entries.map((entry) => (
            <li key={entry.label} role="none">
              <button
                type="button"
                role="menuitem"
                className={entry.danger ? 'danger' : undefined}
                onClick={() => {
                  close();
                  entry.onSelect();
                }}
              >
                {entry.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </span>
  );
}
