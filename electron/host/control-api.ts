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
 * Errors answer `{"error": message}` with 400 (bad request), 404, 409 (the simulator refuses the
 * move), 422 (the Companion refuses the command).
 */
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { runCommand } from '../companion/companion-api.js';
import { CompanionError, type Companion } from '../companion/companion.js';
import type { RuntimeView } from '../companion/companion-runtime.js';
import type { CompanionApi } from '../contract/channels.js';
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

export class ControlApi {
  constructor(
    private readonly runtime: RuntimeView,
    private readonly api: CompanionApi,
  ) {}

  private get companion(): Companion {
    return this.runtime.companion;
  }

  private get line(): LineProvider {
    return this.runtime.provider;
  }

  /** Answers one `/api/...` request. Never throws. */
  async handle(request: IncomingMessage, pathname: string): Promise<ApiAnswer> {
    try {
      return await this.route(request, pathname);
    } catch (error) {
      return failure(error);
    }
  }

  private async route(request: IncomingMessage, pathname: string): Promise<ApiAnswer> {
    const method = request.method ?? 'GET';
    if (method === 'GET' && pathname === '/api/status') {
      return ok({ line: this.companion.lineStatus(), popups: this.companion.snapshot().popups.length });
    }
    if (method === 'GET' && pathname === '/api/calls') {
      const snapshot = this.companion.snapshot();
      return ok({ calls: snapshot.popups, recent: snapshot.journal });
    }
    if (method === 'GET' && pathname === '/api/provider/log') {
      if (this.line.requestLog === undefined)
        throw new RequestError(404, `the ${this.line.kind} line keeps no request log`);
      return ok({ requests: this.line.requestLog() });
    }
    const command = /^\/api\/command\/([A-Za-z]+)$/.exec(pathname);
    if (method === 'POST' && command !== null) {
      return ok(await runCommand(this.api, parseCommand(command[1], await readJsonBody(request))));
    }
    if (pathname.startsWith('/api/sim/')) return this.simulate(request, method, pathname);
    throw new RequestError(404, 'no such API route');
  }

  private async simulate(request: IncomingMessage, method: string, pathname: string): Promise<ApiAnswer> {
    const simulator = this.line;
    if (!(simulator instanceof SimulatorProvider))
      throw new RequestError(404, 'the line is not the simulator');
    if (method === 'GET' && pathname === '/api/sim/dialled') return ok({ dialled: simulator.dialled() });
    if (method !== 'POST') throw new RequestError(404, 'no such API route');
    const body = await readJsonBody(request);
    switch (pathname) {
      case '/api/sim/incoming': {
        const { from, to } = parse(incomingSchema, body);
        return ok({ callId: simulator.incoming(from, to) });
      }
      case '/api/sim/answer':
        return ok(simulator.answer(parse(callSchema, body).callId));
      case '/api/sim/replay': {
        const { events, speed } = parse(replaySchema, body);
        return ok({
          callIds: await simulator.replay(
            parseRecording(events.map((each) => JSON.stringify(each)).join('\n')),
            speed,
          ),
        });
      }
      case '/api/sim/hangup': {
        const { callId, cause } = parse(callSchema, body);
        return ok(simulator.hangup(callId, cause));
      }
      default:
        throw new RequestError(404, 'no such API route');
    }
  }
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

function failure(error: unknown): ApiAnswer {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RequestError) return { status: error.status, body: { error: message } };
  if (error instanceof CommandError) return { status: 400, body: { error: message } };
  if (error instanceof SimulatorError) return { status: 409, body: { error: message } };
  if (error instanceof CompanionError) return { status: 422, body: { error: message } };
  return { status: 500, body: { error: message } };
}
