import { call, setPhase } from './ballots.ts'
import { importAndSignIn, type Signed } from './participants.ts'
import type { TestServer } from './test-server.ts'

export interface DecisionLogFlow {
  readonly bureauToken: string
  readonly elodie: Signed
  readonly marc: Signed
  readonly zoe: Signed
  readonly amendmentLabel: string
}

async function ok(answer: Promise<{ status: number; body: unknown }>, what: string): Promise<unknown> {
  const { status, body } = await answer
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`)
  return body
}

/**
 * A small morning through the real API, one decision of each common kind: three delegates imported,
 * the amendment phase, Élodie files and submits an amendment to proposal 1, Zoé checked in, and
 * Marc's proxy to Zoé. Six entries in the log.
 */
export async function decisionLogFlow(plenum: TestServer): Promise<DecisionLogFlow> {
  const bureauToken = (await plenum.login()).token
  const [elodie, marc, zoe] = await importAndSignIn(plenum, bureauToken, [
    { name: 'Élodie Bézier', role: 'delegate' },
    { name: 'Marc Aubert', role: 'delegate' },
    { name: 'Zoé Nguyen', role: 'delegate' },
  ])
  await setPhase(plenum, bureauToken, 'amendments')
  const proposal = plenum.seed.proposals[0]!
  const filed = (await ok(call(plenum, elodie!.token, 'POST', `/proposals/${proposal.id}/amendments`, { justification: 'Pour préciser.' }), 'file')) as { id: string; label: string }
  await ok(call(plenum, elodie!.token, 'POST', `/amendments/${filed.id}/submit`), 'submit')
  const congress = `/congresses/${plenum.seed.congressId}`
  await ok(call(plenum, bureauToken, 'PUT', `${congress}/attendance/${zoe!.id}`, { present: true }), 'check in')
  await ok(call(plenum, bureauToken, 'POST', `${congress}/proxies`, { giverId: marc!.id, holderId: zoe!.id }), 'proxy')
  return { bureauToken, elodie: elodie!, marc: marc!, zoe: zoe!, amendmentLabel: filed.label }
}
