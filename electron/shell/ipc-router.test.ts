import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { HOST_FACE } from '../host/headless-host.js';
import { companionApi } from '../companion/companion-api.js';
import { decodeIpcError } from '../contract/error-info.js';
import { INVOKE_CHANNEL, type WindowKind } from '../contract/windows.js';
import { companionHarness } from '../test-support/companion-harness.js';
import { useTempDir } from '../test-support/temp-dir.js';
import { isRendererUrl, registerIpcRouter } from './ipc-router.js';

const tempDir = useTempDir();
const RENDERER = 'file:///opt/Ringdesk/resources/app.asar/dist/renderer/index.html';

/** A fake ipcMain holding the one handler the router registers (Electron cannot run here). */
async function router() {
  const harness = await companionHarness(tempDir(), [], {
    actions: { newContact: 'https://desk.example/new?phone={{number.e164}}' },
  });
  let handler: ((event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) | null = null;
  const opened: string[] = [];
  const kinds = new Map<number, WindowKind>([
    [1, 'popup'],
    [2, 'calls'],
  ]);
  registerIpcRouter({
    ipcMain: {
      handle: (channel: string, fn: never) => {
        expect(channel).toBe(INVOKE_CHANNEL);
        handler = fn;
      },
      removeHandler: () => undefined,
    },
    api: companionApi(harness, null, HOST_FACE),
    rendererUrl: RENDERER,
    windowKindOf: (event) => kinds.get(event.sender.id) ?? null,
    openExternal: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
  });
  const invoke = (senderId: number, url: string, channel: unknown, args: unknown) =>
    handler!(
      { sender: { id: senderId }, senderFrame: { url } } as unknown as IpcMainInvokeEvent,
      channel,
      args,
    );
  return { harness, invoke, opened };
}

describe('the IPC router', () => {
  it('runs a command from one of our windows on our page', async () => {
    const { invoke, harness } = await router();
    await expect(invoke(2, `${RENDERER}#calls`, 'dial', { number: '030 1234567' })).resolves.toMatchObject({
      dialable: '00301234567',
    });
    expect(harness.line.dialled()).toHaveLength(1);
  });

  it('refuses senders that are not our windows or not on our page', async () => {
    const { invoke, harness } = await router();
    await expect(invoke(9, `${RENDERER}#calls`, 'dial', { number: '1' })).rejects.toThrow(
      /not a Ringdesk window/,
    );
    await expect(invoke(2, 'https://evil.example/', 'dial', { number: '1' })).rejects.toThrow(
      /not a Ringdesk window/,
    );
    await expect(invoke(2, 'file:///tmp/evil.html', 'dial', { number: '1' })).rejects.toThrow(
      /not a Ringdesk window/,
    );
    expect(harness.line.dialled()).toEqual([]);
  });

  it('gives each window only its own verbs', async () => {
    const { invoke, harness } = await router();
    await expect(invoke(1, `${RENDERER}#popup`, 'dial', { number: '1' })).rejects.toThrow(
      /not available in this window/,
    );
    await expect(invoke(2, `${RENDERER}#calls`, 'selectContact', { callId: 'x', index: 0 })).rejects.toThrow(
      /not available/,
    );
    expect(harness.line.dialled()).toEqual([]);
  });

  it('validates arguments before any handler runs', async () => {
    const { invoke, harness } = await router();
    await expect(invoke(2, RENDERER, 'dial', { number: 7 })).rejects.toThrow(/number/);
    await expect(invoke(2, RENDERER, 'dial', { number: '1', extra: true })).rejects.toThrow(
      /extra|Unrecognized/i,
    );
    expect(harness.line.dialled()).toEqual([]);
  });

  it("sends a command's code and params at the end of the message, which the renderer decodes", async () => {
    const { invoke, harness } = await router();
    const error = await invoke(2, RENDERER, 'dial', { number: '0211 555 CALL' }).then(
      () => null,
      (problem: unknown) => problem as Error,
    );
    // What Electron's ipcRenderer.invoke rejects with: its prefix, then the handler's message.
    const seen = `Error invoking remote method '${INVOKE_CHANNEL}': Error: ${error?.message ?? ''}`;
    expect(decodeIpcError(seen)).toEqual({
      message:
        'cannot dial "0211 555 CALL": not a phone number (letter "C" at position 10: a phone number has digits only)',
      code: 'number.invalid-character',
      params: { char: '"C"', position: 10, number: '0211 555 CALL' },
    });
    // A refusal before any command ran has no code: its message only, Electron's prefix removed.
    const refused = await invoke(1, `${RENDERER}#popup`, 'dial', { number: '1' }).then(
      () => null,
      (problem: unknown) => problem as Error,
    );
    expect(
      decodeIpcError(`Error invoking remote method '${INVOKE_CHANNEL}': Error: ${refused?.message ?? ''}`),
    ).toEqual({
      message: 'refused: dial is not available in this window',
    });
    expect(harness.line.dialled()).toEqual([]);
  });

  it('opens an action’s URL itself, in the browser', async () => {
    const { invoke, harness, opened } = await router();
    const callId = harness.line.incoming('0211 5551234');
    await harness.until((event) => event.channel === 'popup' && event.payload.lookup === 'done');
    await expect(
      invoke(1, `${RENDERER}#popup`, 'openAction', { callId, action: 'open-contact' }),
    ).rejects.toThrow(/not offered/);
    expect(opened).toEqual([]);
    await expect(
      invoke(1, `${RENDERER}#popup`, 'openAction', { callId, action: 'new-contact' }),
    ).resolves.toEqual({
      url: 'https://desk.example/new?phone=%2B492115551234',
    });
    expect(opened).toEqual(['https://desk.example/new?phone=%2B492115551234']);
  });
});

describe('isRendererUrl', () => {
  it('accepts our page with any hash, nothing else', () => {
    expect(isRendererUrl(`${RENDERER}#popup`, RENDERER)).toBe(true);
    expect(isRendererUrl('file:///opt/Ringdesk/resources/app.asar/dist/renderer/other.html', RENDERER)).toBe(
      false,
    );
    expect(isRendererUrl('not a url', RENDERER)).toBe(false);
  });
});
