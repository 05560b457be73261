import { useMemo } from 'react';
import { useAppStore } from '../store/index.ts';
import { type Translate, translator } from './translate.ts';

export function useT(): Translate {
  const language = useAppStore((s) => s.settings.language);
  return useMemo(() => translator(language), [language]);
}
