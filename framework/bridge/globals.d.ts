// TypeScript declarations of the globals that tauri-gtk's bridge defines in
// the page (bridge/core.js), for a front end that calls window.__TAURI__
// without @tauri-apps/api. Printed by a tauri-gtk application's
// --print-global-types option; keep it in step with core.js.

export {};

declare global {
  /**
   * The third argument of invoke(): a `signal` that, once aborted, rejects
   * the call at once with the signal's reason (a DOMException named
   * `AbortError` by default) and cancels the invocation on the native side.
   */
  interface TauriInvokeOptions {
    signal?: AbortSignal;
  }

  /**
   * Calls a command. Resolves with the JSON value it answers with (an
   * ArrayBuffer for raw bytes) and rejects with its error value itself, a
   * string or the JSON value it rejected with, as Tauri does. Raw bytes as
   * `args` are sent as the call's whole body, without JSON.
   */
  type TauriInvoke = <T = unknown>(cmd: string, args?: Record<string, unknown> | ArrayBuffer | ArrayBufferView,
                                   options?: TauriInvokeOptions) => Promise<T>;

  /**
   * Keeps a callback that the host calls by number (events and channels)
   * and returns that number; with `once`, it is forgotten after one call.
   */
  type TauriTransformCallback = <T = unknown>(callback?: (response: T) => void, once?: boolean) => number;

  /**
   * The Channel of @tauri-apps/api/core: pass one as a command's argument,
   * and the messages the command sends on it reach `onmessage` in order.
   */
  interface TauriChannel<T = unknown> {
    readonly id: number;
    onmessage: (response: T) => void;
    /** How the channel is sent as an argument: `__CHANNEL__:<id>`. */
    __TAURI_TO_IPC_KEY__(): string;
    toJSON(): string;
  }

  interface TauriChannelConstructor {
    new <T = unknown>(onmessage?: (response: T) => void): TauriChannel<T>;
  }

  /** An event as a listener receives it. */
  interface TauriEvent<T = unknown> {
    event: string;
    id: number;
    payload: T;
  }

  /** Which listeners an event reaches: all, or those of one window's label. */
  type TauriEventTarget =
    | { kind: 'Any' }
    | { kind: 'AnyLabel'; label: string }
    | { kind: 'App' }
    | { kind: 'Window' | 'Webview' | 'WebviewWindow'; label: string };

  /** Which targets a listener hears: a window's label, or a target. */
  interface TauriListenOptions {
    target?: string | TauriEventTarget;
  }

  /** Stops listening. */
  type TauriUnlisten = () => Promise<void>;

  /** window.__TAURI__.event, as @tauri-apps/api/event. */
  interface TauriEventApi {
    /** Calls `handler` for every event of that name, until unlistened. */
    listen<T = unknown>(event: string, handler: (event: TauriEvent<T>) => void,
                        options?: TauriListenOptions): Promise<TauriUnlisten>;
    /** Calls `handler` for the next event of that name only. */
    once<T = unknown>(event: string, handler: (event: TauriEvent<T>) => void,
                      options?: TauriListenOptions): Promise<TauriUnlisten>;
    /** Emits an event to every listener, and to the application. */
    emit(event: string, payload?: unknown): Promise<void>;
    /** Emits an event to the listeners of one target, and to the application. */
    emitTo(target: string | TauriEventTarget, event: string, payload?: unknown): Promise<void>;
  }

  /** window.__TAURI__.tauri, as in Tauri 1. */
  interface TauriCoreV1 {
    invoke: TauriInvoke;
    transformCallback: TauriTransformCallback;
    convertFileSrc(filePath: string, protocol?: string): string;
  }

  /** window.__TAURI__.core, as in Tauri 2 with `withGlobalTauri`. */
  interface TauriCore extends TauriCoreV1 {
    Channel: TauriChannelConstructor;
  }

  /** window.__TAURI__. */
  interface TauriGlobal extends TauriCoreV1 {
    core: TauriCore;
    event: TauriEventApi;
    tauri: TauriCoreV1;
  }

  /** window.__TAURI_INTERNALS__, which @tauri-apps/api calls. */
  interface TauriInternals {
    invoke: TauriInvoke;
    transformCallback: TauriTransformCallback;
    unregisterCallback(id: number): void;
    runCallback(id: number, data: unknown): void;
    callbacks: Map<number, (data: unknown) => void>;
    convertFileSrc(filePath: string, protocol?: string): string;
    metadata: {
      currentWindow: { label: string };
      currentWebview: { label: string; windowLabel: string };
    };
    plugins: {
      path: { sep: string; delimiter: string };
    };
  }

  /** window.__TAURI_EVENT_PLUGIN_INTERNALS__, which @tauri-apps/api/event calls. */
  interface TauriEventPluginInternals {
    unregisterListener(event: string, eventId: number): void;
  }

  /**
   * What @tauri-apps/api v1 posts to window.__TAURI_IPC__: the command, the
   * numbers of the callbacks (`window['_' + callback]`, `window['_' + error]`)
   * that get the answer, and the arguments.
   */
  interface TauriIpcMessage {
    cmd: string;
    callback: number;
    error: number;
    [argument: string]: unknown;
  }

  interface Window {
    __TAURI__: TauriGlobal;
    readonly __TAURI_INTERNALS__: TauriInternals;
    readonly __TAURI_EVENT_PLUGIN_INTERNALS__: TauriEventPluginInternals;
    readonly __TAURI_IPC__: (message: TauriIpcMessage) => void;
    isTauri: boolean;
  }
}
