import { createHmac } from 'node:crypto';
import type { ChatRoute } from '../../config/chatWebhooks';
import type { ChatMessage } from '../templates/reminder-notice';

/** The request one platform's robot expects for a message. */
export interface ChatRequest {
  url: string;
  body: unknown;
}

/**
 * DingTalk's signature (加签): base64 HMAC-SHA256 of `timestamp + "\n" + secret` under the secret,
 * sent as `timestamp` and `sign` query parameters; DingTalk refuses a timestamp over an hour old.
 */
export function dingTalkSignature(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

export function chatRequest(route: ChatRoute, message: ChatMessage, now: Date): ChatRequest {
  switch (route.platform) {
    case 'wecom':
      // WeCom group robot: markdown renders in the WeCom app (the 4096-byte limit is far off).
      return { url: route.url, body: { msgtype: 'markdown', markdown: { content: message.markdown } } };
    case 'dingtalk': {
      const url = new URL(route.url);
      if (route.secret !== undefined) {
        const timestamp = now.getTime();
        url.searchParams.set('timestamp', String(timestamp));
        url.searchParams.set('sign', dingTalkSignature(route.secret, timestamp));
      }
      return {
        url: url.toString(),
        body: { msgtype: 'markdown', markdown: { title: message.title, text: message.markdown } },
      };
    }
    case 'slack':
      // Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat): `text` is the fallback.
      return {
        url: route.url,
        body: {
          text: message.text,
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: message.text } }],
        },
      };
  }
}
