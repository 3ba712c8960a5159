import type { FiledAmendmentView } from '../../shared/api-types.ts'
import { call } from './ballots.ts'
import { importAndSignIn, type Signed } from './participants.ts'
import { connectSynced } from './providers.ts'
import { roundTrip } from './round-trip.ts'
import type { TestServer } from './test-server.ts'
import { replaceText } from './text-edit.ts'

/**
 * Proposal 2 of the demo, as printed: "Toute démarche administrative proposée en ligne reste
 * accessible par un accueil" on line 1, "physique … Ce droit est" on line 2, "inscrit dans le code
 * des relations …" on line 3.
 */
export const competingProposalIndex = 1

/** Each amendment: who files it, and the words it replaces in proposal 2. */
export const competingEdits = [
  { label: 'P2-A1', find: 'Toute démarche administrative', replacement: 'Toute démarche administrative ou sociale' },
  { label: 'P2-A2', find: 'administrative proposée en ligne ', replacement: '' },
  { label: 'P2-A3', find: 'Toute démarche administrative', replacement: 'Toute démarche administrative ou sociale' },
  { label: 'P2-A4', find: 'le code des relations', replacement: 'la loi et le code des relations' },
] as const

/**
 * Three delegates file four amendments to proposal 2, write their changes through the sync socket,
 * submit them, and the bureau rules each admissible: A2 deletes words of line 1, A1 and A3 make the
 * same change to line 1, A4 changes line 3. The congress must be in its amendment phase.
 */
export async function fileCompetingAmendments(plenum: TestServer, bureauToken: string): Promise<FiledAmendmentView[]> {
  const authors = await importAndSignIn(plenum, bureauToken, [
    { name: 'Élodie Bézier', role: 'delegate' },
    { name: 'Marc Aubert', role: 'delegate' },
    { name: 'Zoé Nguyen', role: 'delegate' },
  ])
  const proposalId = plenum.seed.proposals[competingProposalIndex]!.id
  const filed: FiledAmendmentView[] = []
  for (const [i, edit] of competingEdits.entries()) {
    const author: Signed = authors[i % authors.length]!
    const answer = await call<FiledAmendmentView>(plenum, author.token, 'POST', `/proposals/${proposalId}/amendments`, { justification: `Motif de ${edit.label}.` })
    if (answer.status !== 201 || answer.body.label !== edit.label) throw new Error(`filing ${edit.label}: ${answer.status} ${JSON.stringify(answer.body)}`)
    const client = await connectSynced(plenum.wsUrl, answer.body.docName, author.token, author.name)
    try {
      replaceText(client.doc, edit.find, edit.replacement)
      await roundTrip(client)
    } finally {
      client.destroy()
    }
    for (const [who, step, body] of [
      [author.token, 'submit', {}],
      [bureauToken, 'ruling', { admissible: true }],
    ] as const) {
      const done = await call(plenum, who, 'POST', `/amendments/${answer.body.id}/${step}`, body)
      if (done.status !== 200) throw new Error(`${step} ${edit.label}: ${done.status} ${JSON.stringify(done.body)}`)
    }
    filed.push(answer.body)
  }
  return filed
}
