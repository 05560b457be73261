// Right-click menus in the window: spelling suggestions and "add to dictionary" on a misspelt word,
// cut/copy/paste in text fields, copy on selected text, and "copy link" on links (never opened from here).
import type { Clipboard, ContextMenuParams, MenuItemConstructorOptions, WebContents } from 'electron';

const LABELS = {
  en: {
    noSuggestions: 'No spelling suggestions',
    addWord: 'Add “{word}” to the dictionary',
    copyLink: 'Copy link',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
  },
  de: {
    noSuggestions: 'Keine Rechtschreibvorschläge',
    addWord: '„{word}“ zum Wörterbuch hinzufügen',
    copyLink: 'Link kopieren',
    cut: 'Ausschneiden',
    copy: 'Kopieren',
    paste: 'Einfügen',
    selectAll: 'Alles auswählen',
  },
} as const;

export type MenuParams = Pick<
  ContextMenuParams,
  'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'linkURL' | 'selectionText' | 'editFlags'
>;

export interface MenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  copyText(text: string): void;
}

/** The menu for one right-click; empty when there is nothing to offer. */
export function contextMenuTemplate(
  params: MenuParams,
  actions: MenuActions,
  locale: string,
): MenuItemConstructorOptions[] {
  const labels = locale.toLowerCase().startsWith('de') ? LABELS.de : LABELS.en;
  const groups: MenuItemConstructorOptions[][] = [];
  if (params.isEditable && params.misspelledWord) {
    const word = params.misspelledWord;
    const suggestions = params.dictionarySuggestions.slice(0, 6);
    groups.push([
      ...(suggestions.length > 0
        ? suggestions.map((s) => ({ label: s, click: () => actions.replaceMisspelling(s) }))
        : [{ label: labels.noSuggestions, enabled: false }]),
      { label: labels.addWord.replace('{word}', word), click: () => actions.addToDictionary(word) },
    ]);
  }
  if (params.linkURL) groups.push([{ label: labels.copyLink, click: () => actions.copyText(params.linkURL) }]);
  if (params.isEditable) {
    const flags = params.editFlags;
    groups.push([
      { label: labels.cut, role: 'cut', enabled: flags.canCut },
      { label: labels.copy, role: 'copy', enabled: flags.canCopy },
      { label: labels.paste, role: 'paste', enabled: flags.canPaste },
      { label: labels.selectAll, role: 'selectAll', enabled: flags.canSelectAll },
    ]);
  } else if (params.selectionText.trim()) {
    groups.push([{ label: labels.copy, role: 'copy' }]);
  }
  return groups.flatMap((group, i) => (i === 0 ? group : [{ type: 'separator' as const }, ...group]));
}

type Contents = Pick<WebContents, 'on' | 'replaceMisspelling'> & {
  session: Pick<WebContents['session'], 'addWordToSpellCheckerDictionary'>;
};

export function attachContextMenu(
  contents: Contents,
  popup: (template: MenuItemConstructorOptions[]) => void,
  clipboard: Pick<Clipboard, 'writeText'>,
  locale: string,
): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(
      params,
      {
        replaceMisspelling: (word) => contents.replaceMisspelling(word),
        addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
        copyText: (text) => void clipboard.writeText(text),
      },
      locale,
    );
    if (template.length > 0) popup(template);
  });
}
