import { describe, expect, it } from 'vitest';
import { failureReason } from '../test-support/failure-reason.js';
import { amiRig, flush } from '../test-support/ami-provider-rig.js';
import { lineTarget } from './ami/ami-line-target.js';
import { lineProblem } from './line-problem.js';
import { exitReason, startFailure } from './tapi/exit-reasons.js';

describe('lineProblem', () => {
  it("reads the AMI provider's own reasons", async () => {
    const wrong = amiRig({ env: { AMI_SECRET: 'wrong' } });
    expect(lineProblem(await failureReason(wrong.provider.connect()))).toBe('auth');
    const refused = amiRig({ refuse: 'ECONNREFUSED' });
    expect(lineProblem(await failureReason(refused.provider.connect()))).toBe('refused');
    const unknown = amiRig({ refuse: 'ENOTFOUND' });
    expect(lineProblem(await failureReason(unknown.provider.connect()))).toBe('not-found');
    const ssh = amiRig({ asterisk: { banner: 'SSH-2.0-OpenSSH_9.6' } });
    expect(lineProblem(await failureReason(ssh.provider.connect()))).toBe('not-ami');
    const noSecret = amiRig({ env: {} });
    expect(lineProblem(await failureReason(noSecret.provider.connect()))).toBe('secret-missing');
    const silent = amiRig({ asterisk: { banner: null } });
    const connecting = failureReason(silent.provider.connect());
    await flush();
    silent.clock.advance(5000);
    expect(lineProblem(await connecting)).toBe('not-ami');
  });

  it('reads an extension several phones answer to, whatever the devices are called', () => {
    const phone = (device: string) => ({ id: device, name: `7002@ext-local (${device})`, extension: '7002' });
    const listing = {
      kind: 'listed',
      lines: [phone('PJSIP/cert-lost'), phone('SIP/timeout-closed')],
    } as const;
    let reason = '';
    try {
      lineTarget('7002', listing);
    } catch (error) {
      reason = (error as Error).message;
    }
    expect(reason).toMatch(/^line 7002 matches several devices on Asterisk: PJSIP\/cert-lost/);
    expect(lineProblem(reason)).toBe('line-ambiguous');
  });

  it("reads the TAPI bridge's exit and start failures", () => {
    expect(lineProblem(exitReason(3, null, 'lineInitializeEx failed: LINEERR_NODRIVER'))).toBe(
      'bridge-exited',
    );
    expect(lineProblem(exitReason(null, 'SIGKILL', ''))).toBe('bridge-exited');
    const missing = Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' });
    expect(lineProblem(startFailure('C:\\Ringdesk\\tapi-bridge.exe', missing))).toBe('bridge-missing');
  });

  it("reads Node's socket and TLS errors as a person would name them", () => {
    expect(lineProblem('connect ETIMEDOUT 10.0.0.9:5038')).toBe('timeout');
    expect(lineProblem('connect EHOSTUNREACH 10.0.0.9:5038')).toBe('unreachable');
    expect(lineProblem('getaddrinfo EAI_AGAIN pbx')).toBe('not-found');
    expect(lineProblem('read ECONNRESET')).toBe('lost');
    expect(lineProblem('self-signed certificate in certificate chain')).toBe('tls');
    expect(lineProblem('cannot read the TLS CA file /etc/ca.pem: ENOENT')).toBe('tls');
    expect(lineProblem('cannot listen on 127.0.0.1:8765: EADDRINUSE')).toBe('address-in-use');
    expect(lineProblem('cannot listen on 0.0.0.0:80: EACCES')).toBe('cannot-listen');
  });

  it('leaves a reason it does not know as other (the faces then show it as given)', () => {
    expect(lineProblem('the PBX is having a bad day')).toBe('other');
    expect(lineProblem('')).toBe('other');
  });
});
