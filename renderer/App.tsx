import { useAppStore } from './store/index.ts';

export function App() {
  const accounts = useAppStore((s) => s.accounts);
  return (
    <main>
      <h1>JabberDesk</h1>
      {accounts.length === 0 ? <p>No account yet.</p> : (
        <ul aria-label="Accounts">
          {accounts.map((a) => (
            <li key={a.id}>{a.jid} <span className="state">{a.state.status}</span></li>
          ))}
        </ul>
      )}
    </main>
  );
}
