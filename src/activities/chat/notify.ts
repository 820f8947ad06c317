import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ChatRoute } from '../../config/chatWebhooks';
import { safeToken } from '../../domain/letters/escape';
import { reminderNoticeMessage } from '../templates/reminder-notice';
import type { ChatDelivery, ReminderNotice } from '../types';
import { chatRequest } from './platforms';
import { ChatFailureType, classifyChatAnswer, chatUnavailable } from './errors';

/** Well below the activity's start-to-close timeout, so a hung robot is a retryable failure. */
export const CHAT_TIMEOUT_MS = 10_000;

/** `PO-1.stage-time-limit-deposit.2`: the same reminder always has the same key. */
export function noticeKey(notice: ReminderNotice): string {
  if (!Number.isSafeInteger(notice.sequence) || notice.sequence < 1)
    throw ApplicationFailure.nonRetryable(
      `sequence must be >= 1, got ${notice.sequence}`,
      ChatFailureType.InvalidInput,
    );
  const kind = notice.kind.toLowerCase().replace(/_/g, '-');
  return `${safeToken(notice.orderId)}.${kind}-${safeToken(notice.stage.toLowerCase())}.${notice.sequence}`;
}

/** Names a route in logs and heartbeat details without its URL (which holds the robot's key). */
export function routeName(route: ChatRoute): string {
  return `${route.platform}-${createHash('sha256').update(route.url).digest('hex').slice(0, 12)}`;
}

/** The routes a previous attempt of this activity already delivered to (its heartbeat details). */
function deliveredBefore(): Set<string> {
  try {
    const details: unknown = Context.current().info.heartbeatDetails;
    return new Set(Array.isArray(details) ? details.filter((d): d is string => typeof d === 'string') : []);
  } catch {
    return new Set(); // called outside an activity (tests)
  }
}

function recordDelivered(routes: Set<string>): void {
  try {
    Context.current().heartbeat([...routes]);
  } catch {
    // outside an activity: nothing to record
  }
}

export interface NotifyChatDeps {
  routes: (notice: ReminderNotice) => ChatRoute[];
  orderUrl: (orderId: string) => string;
  clock: () => Date;
  /** The exporter's zone: the notice's times print as its wall clock (UTC when absent). */
  timeZone?: string;
}

/**
 * Posts the notice to every robot configured for its account manager or template; none = no-op.
 * Idempotent as far as robots allow: the text and its `ref` key are the same on every attempt, and
 * a retry skips the robots an earlier attempt delivered to (kept in the heartbeat details).
 */
export async function notifyChat(deps: NotifyChatDeps, notice: ReminderNotice): Promise<ChatDelivery[]> {
  const key = noticeKey(notice);
  const routes = deps.routes(notice);
  if (routes.length === 0) return [];
  const message = reminderNoticeMessage(notice, deps.orderUrl(notice.orderId), key, deps.timeZone);
  const delivered = deliveredBefore();
  const out: ChatDelivery[] = [];
  for (const route of routes) {
    const name = routeName(route);
    if (!delivered.has(name)) {
      // Signed at send time: DingTalk refuses a signature over an hour old, and retries come later.
      const request = chatRequest(route, message, deps.clock());
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Idempotency-Key': key },
          body: JSON.stringify(request.body),
          signal: AbortSignal.timeout(CHAT_TIMEOUT_MS),
          redirect: 'error',
        });
      } catch (err) {
        throw chatUnavailable(name, err);
      }
      await classifyChatAnswer(route.platform, name, response);
      delivered.add(name);
      recordDelivered(delivered);
    }
    out.push({ platform: route.platform, route: name, key });
  }
  return out;
}
