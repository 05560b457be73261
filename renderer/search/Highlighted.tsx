// A search result's text with the query's words marked.
import { highlightParts } from './highlight.ts';

export function Highlighted({ text, query }: { text: string; query: string }) {
  return (
    <>{highlightParts(text, query).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>
  );
}
