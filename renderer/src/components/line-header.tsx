/** The line's state and the connection to Ringdesk, with a dial box. */
import { useState, type SubmitEvent } from 'react';
import { useRun, useServices, useView } from '../app-context.js';

export function LineHeader() {
  const line = useView((state) => state.line);
  const connection = useView((state) => state.connection);
  const { bridge } = useServices();
  const run = useRun();
  const [number, setNumber] = useState('');
  const state = connection !== 'open' ? 'offline' : (line?.state ?? 'disconnected');
  const label =
    connection !== 'open'
      ? 'Not connected to Ringdesk'
      : line === null
        ? 'Line unknown'
        : `Line ${line.line} · ${line.provider} · ${line.state}${line.reason !== null && line.state !== 'connected' ? ` (${line.reason})` : ''}`;
  const dial = (event: SubmitEvent) => {
    event.preventDefault();
    if (number.trim() === '') return;
    run(() => bridge.invoke('dial', { number }), `Dialling ${number}…`);
  };
  return (
    <header className="line-header">
      <h1>Ringdesk</h1>
      <p className="line-state" data-state={state} role="status">
        {label}
      </p>
      <form className="dial" onSubmit={dial}>
        <label htmlFor="dial-number" className="visually-hidden">
          Number to dial
        </label>
        <input
          id="dial-number"
          type="tel"
          placeholder="Number to dial"
          value={number}
          onChange={(event) => setNumber(event.target.value)}
        />
        <button type="submit">Dial</button>
      </form>
    </header>
  );
}
