// The two providers' robot signatures. They mirror each other, and mixing them up is the classic bug:
//   DingTalk: key = secret,                   message = `${timestampMs}\n${secret}`, then base64, then URL-encoded
//   Feishu:   key = `${timestampS}\n${secret}`, message = empty,                    then base64 (sent in the body)
import { createHmac } from 'node:crypto';

/** The `sign` query parameter of a DingTalk robot call, already URL-encoded. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  const digest = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
  return encodeURIComponent(digest);
}

/** The `sign` field of a Feishu/Lark bot body (timestamp in seconds, sent alongside as a string). */
export function feishuSign(secret: string, timestampS: number): string {
  return createHmac('sha256', `${timestampS}\n${secret}`).update('', 'utf8').digest('base64');
}
