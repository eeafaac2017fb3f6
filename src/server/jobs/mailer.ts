/**
 * Outgoing e-mail (issue 5): a nodemailer SMTP transport built from `SMTP_URL`
 * (`smtp://user:pass@host:587`, `smtps://…:465`; nodemailer reads further options from the query
 * string). The sender is `MAIL_FROM`, by default the platform's name at noreply@localhost.
 * Only the `notify-email` job handler (workers.ts) sends; commands queue e-mails after commit.
 */
import nodemailer from 'nodemailer';

export const DEFAULT_MAIL_FROM = '天津市质量攻关管理平台 <noreply@localhost>';

/** Every e-mail ends with this line: the platform sends, nobody reads replies. */
export const MAIL_FOOTER = '——\n本邮件由天津市质量攻关管理平台自动发送，请登录平台查看详情，请勿直接回复。';

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
}

export interface Mailer {
  readonly from: string;
  send(mail: OutgoingMail): Promise<{ messageId: string; accepted: string[] }>;
  close(): void;
}

export function createMailer(smtpUrl: string, from: string = process.env.MAIL_FROM || DEFAULT_MAIL_FROM): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    from,
    async send(mail) {
      const info = await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: `${mail.body}\n\n${MAIL_FOOTER}\n`,
        // Chinese text: UTF-8, base64 body, RFC 2047 encoded headers (nodemailer's defaults for non-ASCII).
        textEncoding: 'base64',
      });
      return { messageId: info.messageId, accepted: (info.accepted ?? []).map(String) };
    },
    close() {
      transport.close();
    },
  };
}

/** The mailer when SMTP is configured, else null (in-app notifications are then the only channel). */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const url = env.SMTP_URL?.trim();
  return url ? createMailer(url, env.MAIL_FROM || DEFAULT_MAIL_FROM) : null;
}
