/**
 * An error as one line for logs and summaries. Secrets are cut out even if some library put them
 * into a message (URLs with `private_token=`, headers, the token itself).
 */
export function errorLine(error: unknown, secrets: string[] = []): string {
  return redactSecrets(error instanceof Error ? error.message : String(error), secrets)
    .split("\n")[0]!
    .slice(0, 500);
}

/** The text with every known secret and anything that looks like a token parameter cut out. */
export function redactSecrets(text: string, secrets: string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join("[redacted]");
  return out.replace(/(private[_-]token|token|authorization)([=:]\s*)[^\s&"']+/gi, "$1$2[redacted]");
}
