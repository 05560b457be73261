// Named loggers; stanza bodies and credentials are never passed to them.
export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

export type LogSink = (
  level: 'debug' | 'info' | 'warn',
  scope: string,
  message: string,
  data?: Record<string, unknown>,
) => void;

/** Warnings always; info with JABBERDESK_LOG=1; everything with JABBERDESK_DEBUG=1. */
const consoleSink: LogSink = (level, scope, message, data) => {
  const shown = level === 'warn' || process.env.JABBERDESK_DEBUG || (level === 'info' && process.env.JABBERDESK_LOG);
  if (!shown) return;
  const line = `[${scope}] ${message}${data ? ` ${JSON.stringify(data)}` : ''}`;
  if (level === 'warn') console.warn(line);
  else console.log(line);
};

let sink: LogSink = consoleSink;

/** Tests use this to see what was logged (e.g. that a spoofed push was reported). */
export function setLogSink(next: LogSink | undefined): void {
  sink = next ?? consoleSink;
}

export function createLogger(scope: string): Logger {
  return {
    debug: (m, d) => sink('debug', scope, m, d),
    info: (m, d) => sink('info', scope, m, d),
    warn: (m, d) => sink('warn', scope, m, d),
  };
}
