/**
 * An HTTP client for REST directory unit tests: records every request's axios configuration and
 * answers each with the next of the given JSON texts (repeating the last), as a stream, the way
 * axios answers with `responseType: 'stream'`.
 */
import { Readable } from 'node:stream';
import type { AxiosRequestConfig, AxiosResponse } from 'axios';
import type { HttpClient } from '../contacts/rest/rest-transport.js';

export class FakeHttp implements HttpClient {
  readonly seen: AxiosRequestConfig[] = [];
  private readonly answers: string[];

  constructor(...answers: (string | object)[]) {
    this.answers =
      answers.length === 0 ? ['[]'] : answers.map((a) => (typeof a === 'string' ? a : JSON.stringify(a)));
  }

  request<T = unknown, R = AxiosResponse<T>>(config: AxiosRequestConfig): Promise<R> {
    this.seen.push(config);
    const text = this.answers[Math.min(this.seen.length, this.answers.length) - 1] ?? '[]';
    const response = {
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/json' },
      data: Readable.from([Buffer.from(text)]),
      config,
    };
    return Promise.resolve(response as unknown as R);
  }
}
