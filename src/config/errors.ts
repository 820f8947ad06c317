/** A variable or file of the configuration is wrong; the message names it (never a secret). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
