/**
 * Prints the AccountManager search attribute value for an email address under the configured
 * PSEUDONYM_KEY, to filter orders in the Temporal UI:
 *   npx tsx scripts/pseudonym.ts li.wei@exporter.example
 *   → AccountManager = "am-…"
 */
import { accountManagerPseudonym } from '../src/api/pseudonym';
import { ConfigError, loadConfig } from '../src/config/env';

const [email] = process.argv.slice(2);
if (!email) {
  console.error('usage: npx tsx scripts/pseudonym.ts <email>');
  process.exit(2);
}
try {
  console.log(`AccountManager = "${accountManagerPseudonym(email, loadConfig().pseudonymKey)}"`);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
