/** A short confirmation of what just happened ("Saved."), read out by screen readers as it appears. */
export function StatusNotice({ text }: { text: string | undefined }) {
  return text ? (
    <p role="status" className="notice">
      {text}
    </p>
  ) : null;
}
