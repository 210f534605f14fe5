/**
 * The whole bridge between the sandboxed renderer and main: `window.clinic = { invoke, on }`.
 * The two channel names are fixed here, so page script can never reach any other IPC channel.
 *
 * Sandboxed preloads run as plain scripts (no ESM `import`), so this file has no import or export:
 * it is a script in both tsconfigs (tsconfig.build.json sets moduleDetection "legacy") and emits
 * as-is with `require`, which the sandbox provides for 'electron'. The block keeps names local.
 */
{
  type Electron = typeof import('electron');
  type Listener = (event: unknown) => void;

  // eslint-disable-next-line @typescript-eslint/no-require-imports -- sandboxed preloads have no ESM
  const { contextBridge, ipcRenderer } = require('electron') as Electron;
  const INVOKE_CHANNEL = 'clinic:invoke';
  const EVENT_CHANNEL = 'clinic:event';

  contextBridge.exposeInMainWorld('clinic', {
    invoke(name: string, input: unknown): Promise<unknown> {
      return ipcRenderer.invoke(INVOKE_CHANNEL, String(name), input);
    },
    on(listener: Listener): () => void {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      // Never hand the IpcRendererEvent (and its `sender`) to page script: payload only.
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(EVENT_CHANNEL, wrapped);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
      };
    },
  });
}
