/**
 * The native PBX endpoints of the action-url listener, each switched on by its own settings key:
 * sipgate.io (XML, callbacks to `publicUrl`), Placetel (XML) and ha-sip (JSON). Each request
 * becomes at most one intent for the provider to apply, and the reply its PBX expects.
 */
import type { ActionUrlLineSettings } from './action-url-settings.js';
import type { Endpoint } from './endpoints.js';
import { HaSipCalls, haSipRequest } from './ha-sip-webhook.js';
import { IntentError, type LineIntent } from './line-intents.js';
import { placetelRequest } from './placetel-webhook.js';
import type { Params } from './request-body.js';
import { sipgateRequest, type SipgateDirection } from './sipgate-webhook.js';
import type { XmlReply } from './xml-reply.js';

/** Zammad's words for an endpoint that is not set up (its sipgate and Placetel controllers). */
export const NOT_CONFIGURED = 'Feature not configured, please contact your admin!';

export interface PbxWebhookDeps {
  readonly token: string;
  readonly isBlocked: (remote: string) => boolean;
  /** `http://host:port` the listener is bound to: the callback base when `publicUrl` is not set. */
  readonly boundUrl: () => string;
}

export interface PbxAnswer {
  readonly intent: LineIntent | null;
  readonly reply: XmlReply | Record<string, string>;
}

export class PbxWebhooks {
  private readonly haSipCalls = new HaSipCalls();

  constructor(
    private readonly settings: ActionUrlLineSettings,
    private readonly deps: PbxWebhookDeps,
  ) {}

  /** Answers one request to a sipgate, Placetel or ha-sip endpoint. @throws IntentError */
  handle(endpoint: Endpoint, params: Params): PbxAnswer {
    const { settings } = this;
    switch (endpoint.kind) {
      case 'sipgate': {
        if (settings.sipgate === undefined) throw new IntentError(422, NOT_CONFIGURED);
        const direction: SipgateDirection = endpoint.path.endsWith('/out') ? 'out' : 'in';
        return sipgateRequest(direction, params, {
          line: settings.line,
          outbound: settings.sipgate.outbound,
          defaultCallerId: settings.sipgate.defaultCallerId,
          isBlocked: this.deps.isBlocked,
          callbackUrl: (each) => this.sipgateCallback(each),
        });
      }
      case 'placetel':
        if (settings.placetel === undefined) throw new IntentError(422, NOT_CONFIGURED);
        return placetelRequest(params, {
          line: settings.line,
          outbound: settings.placetel.outbound,
          defaultCallerId: settings.placetel.defaultCallerId,
          isBlocked: this.deps.isBlocked,
        });
      case 'ha-sip':
        if (settings.haSip === undefined)
          throw new IntentError(404, 'ha-sip web-hooks are not enabled on this line (line.haSip)');
        return { intent: haSipRequest(params, settings.line, this.haSipCalls), reply: {} };
      default:
        throw new IntentError(404, 'not found');
    }
  }

  /** Where sipgate sends `answer` and `hang-up` for calls of `direction`. */
  sipgateCallback(direction: SipgateDirection): { sent: string; logged: string } {
    const base = this.settings.publicUrl ?? this.deps.boundUrl();
    const url = (token: string) => `${base}/api/v1/sipgate/${token}/${direction}`;
    return { sent: url(encodeURIComponent(this.deps.token)), logged: url('***') };
  }
}
