/**
 * The renderer's root. For now it only shows that the app shell loads; the popup and the call
 * log arrive with the vertical-slice issue.
 */
export function App() {
  return (
    <main className="app">
      <h1>Ringdesk</h1>
      <p role="status">Waiting for the line…</p>
    </main>
  );
}
