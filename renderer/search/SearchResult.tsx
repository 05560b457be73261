// A search result: where and when, and its text with the query's words marked.
import type { Language } from '../store/settings.ts';
import { formatFullDate } from '../lib/format.ts';
import { highlightParts } from './highlight.ts';

function Highlighted({ text, query }: { text: string; query: string }) {
  return (
    <>{highlightParts(text, query).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>
  );
}

export function SearchResult(props: {
  chat: string;
  who: string;
  timestamp: number;
  body: string;
  query: string;
  language: Language;
  onOpen: () => void;
}) {
  return (
    <li>
      <button type="button" onClick={props.onOpen}>
        <span className="search-meta">
          <strong>{props.chat}</strong>
          {' · '}
          {props.who}
          {' · '}
          {formatFullDate(props.timestamp, props.language)}
        </span>
        <span className="search-text">
          <Highlighted text={props.body} query={props.query} />
        </span>
      </button>
    </li>
  );
}
