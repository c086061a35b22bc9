/**
 * An error as one line for logs and summaries. Secrets are cut out even if some library put them
 * into a message (URLs with `private_token=`, headers, the token itself).
 */
export function errorLine(error: unknown, secrets: string[] = []): string {
  let text = error instanceof Error ? error.message : String(error);
  for (const secret of secrets) if (secret.length >= 4) text = text.split(secret).join("[redacted]");
  text = text.replace(/(private[_-]token|token|authorization)([=:]\s*)[^\s&"']+/gi, "$1$2[redacted]");
  return text.split("\n")[0]!.slice(0, 500);
}
