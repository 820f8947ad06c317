import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from './errors';

export const CHAT_PLATFORMS = ['wecom', 'dingtalk', 'slack'] as const;
export type ChatPlatform = (typeof CHAT_PLATFORMS)[number];

const routeSchema = z
  .strictObject({
    platform: z.enum(CHAT_PLATFORMS),
    // The robot's webhook address; its key or token is a secret, which is why routes live here and
    // never in an order's workflow input or history.
    url: z.url({ protocol: /^https?$/, hostname: /./ }),
    /** DingTalk's signing secret (加签, `SEC...`), when the robot has signing turned on. */
    secret: z.string().min(1).optional(),
  })
  .refine((r) => r.secret === undefined || r.platform === 'dingtalk', {
    message: 'secret is for dingtalk robots only',
    path: ['secret'],
  });

const chatWebhooksSchema = z.strictObject({
  /** Routes per account manager email (matched case-insensitively). */
  accountManagers: z.record(z.email(), z.array(routeSchema).min(1)).default({}),
  /** Routes per process template name. */
  templates: z.record(z.string().min(1), z.array(routeSchema).min(1)).default({}),
});

export type ChatRoute = z.infer<typeof routeSchema>;
export type ChatWebhooks = z.infer<typeof chatWebhooksSchema>;

export const NO_CHAT_WEBHOOKS: ChatWebhooks = { accountManagers: {}, templates: {} };

/**
 * Reads CHAT_WEBHOOKS_FILE once at worker start; a bad file stops the worker with a message that
 * names the entry (never a URL or secret).
 */
export function loadChatWebhooks(file: string | undefined): ChatWebhooks {
  if (file === undefined) return NO_CHAT_WEBHOOKS;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  CHAT_WEBHOOKS_FILE: ${(err as Error).message}`);
  }
  return parseChatWebhooks(json);
}

export function parseChatWebhooks(json: unknown): ChatWebhooks {
  const parsed = chatWebhooksSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  CHAT_WEBHOOKS_FILE ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const byEmail = Object.entries(parsed.data.accountManagers).map(
    ([email, routes]) => [email.toLowerCase(), routes] as const,
  );
  return { ...parsed.data, accountManagers: Object.fromEntries(byEmail) };
}

/** Every route for the account manager and the template, each URL once. */
export function chatRoutesFor(
  webhooks: ChatWebhooks,
  who: { accountManagerEmail: string; template?: string | null },
): ChatRoute[] {
  const all = [
    ...(webhooks.accountManagers[who.accountManagerEmail.toLowerCase()] ?? []),
    ...(who.template ? (webhooks.templates[who.template] ?? []) : []),
  ];
  return all.filter((route, i) => all.findIndex((r) => r.url === route.url) === i);
}
