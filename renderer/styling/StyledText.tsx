// Renders a parsed message body as React elements: text nodes only, never HTML.
import { Fragment, type ReactNode, useMemo } from 'react';
import { type Block, type Inline, parseStyling } from './parseStyling.ts';
import { openXmppUri } from '../main/xmppLinks.ts';

function Marker({ text }: { text: string }) {
  return (
    <span className="directive" aria-hidden="true">
      {text}
    </span>
  );
}

function renderInline(node: Inline, key: number): ReactNode {
  switch (node.type) {
    case 'text':
      return <Fragment key={key}>{node.text}</Fragment>;
    case 'link':
      return (
        <a
          key={key}
          href={node.href}
          title={node.href}
          target="_blank"
          rel="noopener noreferrer"
          // xmpp: links open inside the app, never in another program.
          onClick={(event) => {
            if (node.href.startsWith('xmpp:') && openXmppUri(node.href)) event.preventDefault();
          }}
        >
          {node.text}
        </a>
      );
    case 'code':
      return (
        <code key={key}>
          <Marker text="`" />
          {node.text}
          <Marker text="`" />
        </code>
      );
    case 'styled': {
      const children = [
        <Marker key="open" text={node.marker} />,
        ...node.children.map(renderInline),
        <Marker key="close" text={node.marker} />,
      ];
      if (node.style === 'strong') return <strong key={key}>{children}</strong>;
      if (node.style === 'emphasis') return <em key={key}>{children}</em>;
      return <s key={key}>{children}</s>;
    }
  }
}

function renderBlocks(blocks: readonly Block[]): ReactNode[] {
  return blocks.map((block, i) => {
    switch (block.type) {
      case 'line':
        return (
          <div key={i} className="line">
            {block.content.length > 0 ? block.content.map(renderInline) : '\u200b'}
          </div>
        );
      case 'pre':
        return (
          <pre key={i}>
            <Marker text={block.fence} />
            {'\n'}
            <code>{block.lines.join('\n')}</code>
            {block.closed ? (
              <>
                {'\n'}
                <Marker text="```" />
              </>
            ) : null}
          </pre>
        );
      case 'quote':
        return <blockquote key={i}>{renderBlocks(block.blocks)}</blockquote>;
    }
  });
}

export function StyledText({ body }: { body: string }) {
  const blocks = useMemo(() => parseStyling(body), [body]);
  return (
    <div className="styled-text" dir="auto">
      {renderBlocks(blocks)}
    </div>
  );
}
