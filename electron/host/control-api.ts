/**
 * The host's HTTP API under `/api/`: what `ringdesk sim ...` and `ringdesk calls` talk to, and
 * every contract command as `POST /api/command/<name>`. Simulator routes exist only when the
 * line is the simulator.
 *
 * | route | body | answer |
 * |---|---|---|
 * | `GET /api/status` | | `{line, popups}` |
 * | `GET /api/calls` | | `{calls, recent}` |
 * | `POST /api/sim/incoming` | `{from, to?}` | `{callId}` |
 * | `POST /api/sim/answer` | `{callId}` | the call |
 * | `POST /api/sim/hangup` | `{callId, cause?}` | the call |
 * | `GET /api/sim/dialled` | | `{dialled}` |
 * | `POST /api/sim/replay` | `{events, speed?}` (a line recording) | `{callIds}` |
 * | `GET /api/provider/log` | | `{requests}`: what the line received lately |
 * | `POST /api/command/<name>` | the command's arguments | its result |
 *
 * Errors answer `{"error": message}` (with `code` and `params` where the error has them, see
 * contract/error-info.ts) with 400 (bad request), 404, 405 (a route with another
 * method), 409 (the simulator refuses the move), 422 (the Companion refuses the command), and 500
 * (anything else; the host also reports it). Every route needs the host's key (see
 * headless-host.ts).
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { runCommand } from '../companion/companion-api.js';
import type { Companion } from '../companion/companion.js';
import type { RuntimeView } from '../companion/companion-runtime.js';
import { commandSchemas, type CompanionApi } from '../contract/channels.js';
import { CodedError, errorBody, errorInfoOf } from '../contract/error-info.js';
import { CommandError, parseCommand } from '../contract/parse-command.js';
import type { LineProvider } from '../telephony/line-provider.js';
import { parseRecording } from '../telephony/line-recorder.js';
import { SimulatorError, SimulatorProvider } from '../telephony/simulator-provider.js';
import { readJsonBody, RequestError } from './request-guard.js';

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

const incomingSchema = z
  .object({ from: z.string().min(1).max(256), to: z.string().min(1).max(64).optional() })
  .strict();
const replaySchema = z
  .object({ events: z.array(z.unknown()).max(10_000), speed: z.number().min(0).max(1000).default(0) })
  .strict();
const callSchema = z
  .object({ callId: z.string().min(1).max(128), cause: z.string().min(1).max(64).optional() })
  .strict();

/** One route of the API: its method and path (`:command` stands for each command's name). */
export interface ApiRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
}

type Handler = (api: ControlApi, request: IncomingMessage, name: string) => unknown;

/**
 * The router: every route of the API and its handler. Tests walk it (see {@link apiRoutes}),
 * so a route added here is fuzzed and key-checked the day it exists.
 */
const ROUTES: readonly (ApiRoute & { readonly handle: Handler })[] = [
  {
    method: 'GET',
    path: '/api/status',
    handle: (api) => ({ line: api.companion.lineStatus(), popups: api.companion.snapshot().popups.length }),
  },
  {
    method: 'GET',
    path: '/api/calls',
    handle: (api) => {
      const snapshot = api.companion.snapshot();
      return { calls: snapshot.popups, recent: snapshot.journal };
    },
  },
  {
    method: 'GET',
    path: '/api/provider/log',
    handle: (api) => {
      const line = api.line;
      if (line.requestLog === undefined)
        throw new RequestError(404, `the ${line.kind} line keeps no request log`);
      return { requests: line.requestLog() };
    },
  },
  {
    method: 'POST',
    path: '/api/command/:command',
    handle: async (api, request, name) =>
      runCommand(api.commands, parseCommand(name, await readJsonBody(request))),
  },
  { method: 'GET', path: '/api/sim/dialled', handle: (api) => ({ dialled: api.simulator().dialled() }) },
  {
    method: 'POST',
    path: '/api/sim/incoming',
    handle: async (api, request) => {
      const simulator = api.simulator();
      const { from, to } = parse(incomingSchema, await readJsonBody(request));
      return { callId: simulator.incoming(from, to) };
    },
  },
  {
    method: 'POST',
    path: '/api/sim/answer',
    handle: async (api, request) => {
      const simulator = api.simulator();
      return simulator.answer(parse(callSchema, await readJsonBody(request)).callId);
    },
  },
  {
    method: 'POST',
    path: '/api/sim/hangup',
    handle: async (api, request) => {
      const simulator = api.simulator();
      const { callId, cause } = parse(callSchema, await readJsonBody(request));
      return simulator.hangup(callId, cause);
    },
  },
  {
    method: 'POST',
    path: '/api/sim/replay',
    handle: async (api, request) => {
      const simulator = api.simulator();
      const { events, speed } = parse(replaySchema, await readJsonBody(request));
      const recording = parseRecording(events.map((each) => JSON.stringify(each)).join('\n'));
      return { callIds: await simulator.replay(recording, speed) };
    },
  },
];

/** Every route of the API, with `:command` expanded to each command of the contract. */
export function apiRoutes(): ApiRoute[] {
  return ROUTES.flatMap(({ method, path }) =>
    path.endsWith('/:command')
      ? Object.keys(commandSchemas).map((name) => ({ method, path: path.replace(':command', name) }))
      : [{ method, path }],
  );
}

export class ControlApi {
  constructor(
    private readonly runtime: RuntimeView,
    /** The contract's commands, as the faces run them. */
    readonly commands: CompanionApi,
    /** Told about a request that failed unexpectedly (answered 500), with its route. */
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  get companion(): Companion {
    return this.runtime.companion;
  }

  get line(): LineProvider {
    return this.runtime.provider;
  }

  /** The line, when it is the simulator. @throws RequestError (404) otherwise. */
  simulator(): SimulatorProvider {
    const line = this.line;
    if (!(line instanceof SimulatorProvider)) throw new RequestError(404, 'the line is not the simulator');
    return line;
  }

  /** Answers one `/api/...` request. Never throws. */
  async handle(request: IncomingMessage, pathname: string): Promise<ApiAnswer> {
    try {
      return ok(await this.route(request, pathname));
    } catch (error) {
      const answer = failure(error);
      if (answer.status >= 500)
        this.onError(
          `${request.method ?? '?'} ${pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      return answer;
    }
  }

  private route(request: IncomingMessage, pathname: string): unknown {
    const method = request.method ?? 'GET';
    let known = false;
    for (const route of ROUTES) {
      const name = matchPath(route.path, pathname);
      if (name === null) continue;
      known = true;
      if (route.method === method) return route.handle(this, request, name);
    }
    throw known ? new RequestError(405, 'method not allowed') : new RequestError(404, 'no such API route');
  }
}

/** The `:command` name (or '') when `pathname` fits `pattern`, else null. */
function matchPath(pattern: string, pathname: string): string | null {
  if (!pattern.endsWith('/:command')) return pattern === pathname ? '' : null;
  const prefix = pattern.slice(0, -':command'.length);
  if (!pathname.startsWith(prefix)) return null;
  const name = pathname.slice(prefix.length);
  return /^[A-Za-z]{1,64}$/.test(name) ? name : null;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
  throw new RequestError(400, problems.join('; '));
}

function ok(body: unknown): ApiAnswer {
  return { status: 200, body };
}

/** The status for `error`, and its body: the message, with the code and params it has. */
function failure(error: unknown): ApiAnswer {
  const body = errorBody(errorInfoOf(error));
  if (error instanceof RequestError) return { status: error.status, body };
  if (error instanceof CommandError) return { status: 400, body };
  if (error instanceof SimulatorError) return { status: 409, body };
  // A refusal with a code (the Companion's, or the line's: busy, no answer, …) is an answer, not a
  // host fault: 422, and not reported as an unexpected failure.
  if (error instanceof CodedError) return { status: 422, body };
  return { status: 500, body };
}
