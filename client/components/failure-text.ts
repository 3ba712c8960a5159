import { ApiError } from '../api-error.ts'
import { t } from '../i18n/index.ts'

/**
 * What went wrong, for the join and vote pages (describeFailure, client/i18n/errors/index.ts), with
 * the server's error messages loaded at the first failure: they are not in the app's script, which
 * a phone downloads on the hall's Wi-Fi before it can vote. A dropped network needs none of them.
 */
export async function failureText(error: unknown): Promise<string> {
  if (error instanceof ApiError && error.code === 'network') return t().networkError
  try {
    const { describeFailure } = await import('../i18n/errors/index.ts')
    return describeFailure(error)
  } catch {
    return t().genericError
  }
}
