import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { DevSmsMessageEntity, type SmsPurpose } from '../entities/dev-sms-message.entity';

export type { SmsPurpose };

export interface SmsSender {
  send(phone: string, body: string, purpose?: SmsPurpose): Promise<void>;
}

/** Development and test sink: texts are stored, and tests read them back. */
export class DevSmsSink implements SmsSender {
  constructor(private readonly dataSource: DataSource) {}

  async send(phone: string, body: string, purpose: SmsPurpose = 'sign-in-code'): Promise<void> {
    await this.dataSource.getRepository(DevSmsMessageEntity).insert({ phone, body, purpose });
  }

  /** The last text of a kind sent to a number: a code is found even when an invitation was texted after it. */
  async latest(phone: string, purpose: SmsPurpose = 'sign-in-code'): Promise<string | null> {
    const row = await this.dataSource.getRepository(DevSmsMessageEntity).findOne({ where: { phone, purpose }, order: { id: 'DESC' } });
    return row?.body ?? null;
  }
}

/** A generic HTTP SMS provider: POST {to, body} with a bearer token. */
export class HttpSmsSender implements SmsSender {
  constructor(
    private readonly endpoint: string,
    private readonly token: string,
    private readonly logger: Logger,
  ) {}

  async send(phone: string, body: string): Promise<void> {
    try {
      const res = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify({ to: phone, body }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS provider answered ${res.status}`);
    } catch (err) {
      // The number and the text stay out of the log: the text holds a code.
      this.logger.error({ err, endpoint: this.endpoint }, 'SMS provider failed to take a message');
      throw err;
    }
  }
}
