import { collected, type FieldProblem, type Parsed } from '../parsed.ts'

// The bodies the seal's routes take: what hc<AppType> makes a client send, and what the commands receive.

/** The motion handed to an advisor: who, for which institution, when, how. */
export interface DeliveryRequest {
  readonly advisorName: string
  readonly institution: string
  /** YYYY-MM-DD. */
  readonly date: string
  readonly channel: string
}

const controlChars = /[\u0000-\u001f\u007f]/
const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** Each field one line of text, trimmed; the date a real AAAA-MM-JJ day. */
export function parseDeliveryRequest(body: Record<string, unknown>): Parsed<DeliveryRequest> {
  const problems: FieldProblem[] = []
  const line = (field: keyof DeliveryRequest, max: number): string => {
    const value = body[field]
    if (typeof value !== 'string' || value.trim() === '' || value.length > max || controlChars.test(value)) {
      problems.push({ field, rule: 'short_text', max, message: `un texte d’une ligne, de ${max} caractères au plus` })
      return ''
    }
    return value.trim()
  }
  const date = line('date', 10)
  if (date !== '' && (!isoDate.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))) problems.push({ field: 'date', rule: 'date', message: 'une date AAAA-MM-JJ' })
  const request = { advisorName: line('advisorName', 200), institution: line('institution', 200), date, channel: line('channel', 200) }
  return collected(request, problems)
}

/** The delivery slip of a delivery just recorded: the code its answer showed, sent back (the server keeps only its hash). */
export interface DeliverySlipRequest {
  readonly deliveryId: string
  readonly code: string
}

/** Two short one-line strings. */
export function parseDeliverySlip(body: Record<string, unknown>): Parsed<DeliverySlipRequest> {
  const problems: FieldProblem[] = []
  const field = (name: keyof DeliverySlipRequest): string => {
    const value = body[name]
    if (typeof value !== 'string' || value.trim() === '' || value.length > 100 || controlChars.test(value)) {
      problems.push({ field: name, rule: 'short_text', max: 100, message: 'un texte d’une ligne, de 100 caractères au plus' })
      return ''
    }
    return value.trim()
  }
  return collected({ deliveryId: field('deliveryId'), code: field('code') }, problems)
}
