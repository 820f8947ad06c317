import { ApplicationFailure } from '@temporalio/common';
import type { ChatPlatform } from '../../config/chatWebhooks';

export const ChatFailureType = {
  InvalidInput: 'InvalidActivityInput',
  /** The robot refused the message for good (bad key, bad signature, bad payload). */
  Rejected: 'ChatRejected',
  /** Rate limited or the platform is having trouble: retried. */
  TemporaryFailure: 'ChatTemporaryFailure',
  /** No answer (connection refused, timeout): retried. */
  Unavailable: 'ChatUnavailable',
} as const;

/** Longest wait a 429's Retry-After may ask for; beyond it the activity's own backoff applies. */
const MAX_RETRY_AFTER_S = 600;

/**
 * WeCom and DingTalk answer HTTP 200 with `errcode`: these mean "too fast" or "busy, try again";
 * every other non-zero code (bad key, signature, keyword, IP) will not change on a retry.
 */
const RETRYABLE_ERRCODES: Record<'wecom' | 'dingtalk', ReadonlySet<number>> = {
  wecom: new Set([-1, 45009, 45033]),
  dingtalk: new Set([-1, 130101, 410100]),
};

export function chatUnavailable(route: string, err: unknown): ApplicationFailure {
  const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return ApplicationFailure.create({
    message: `chat robot ${route} did not answer (${reason})`,
    type: ChatFailureType.Unavailable,
  });
}

/** Resolves when the robot took the message; throws a classified failure otherwise. */
export async function classifyChatAnswer(
  platform: ChatPlatform,
  route: string,
  response: Response,
): Promise<void> {
  const body = (await response.text().catch(() => '')).slice(0, 300);
  const fail = (retryable: boolean, what: string, nextRetryDelay?: number): never => {
    throw ApplicationFailure.create({
      message: `chat robot ${route} (${platform}) ${what}`,
      type: retryable ? ChatFailureType.TemporaryFailure : ChatFailureType.Rejected,
      nonRetryable: !retryable,
      details: [{ status: response.status, body }],
      nextRetryDelay,
    });
  };
  if (response.status === 429) {
    const after = Number(response.headers.get('retry-after'));
    const delay = Number.isFinite(after) && after > 0 ? Math.min(after, MAX_RETRY_AFTER_S) * 1000 : undefined;
    fail(true, 'is rate limited (429)', delay);
  }
  if (response.status >= 500 || response.status === 408) fail(true, `answered ${response.status}`);
  if (response.status >= 300) fail(false, `refused the message (${response.status})`);
  if (platform === 'slack') return;
  let errcode: unknown;
  try {
    errcode = (JSON.parse(body) as { errcode?: unknown }).errcode;
  } catch {
    fail(true, 'answered without its JSON status');
  }
  if (errcode === 0) return;
  const code = typeof errcode === 'number' ? errcode : NaN;
  fail(RETRYABLE_ERRCODES[platform].has(code), `refused the message (errcode ${String(errcode)})`);
}
