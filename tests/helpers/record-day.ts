import type { FiledAmendmentView } from '../../shared/api-types.ts'
import type { RecordBlock, RecordCell, RecordDocument, RecordLine } from '../../shared/record/record-document.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from './ballots.ts'
import { fileCompetingAmendments } from './competing-amendments.ts'
import { importAndSignIn, type Signed } from './participants.ts'
import type { TestServer } from './test-server.ts'

export interface RecordDay {
  readonly bureau: string
  readonly voters: readonly Signed[]
  readonly filed: readonly FiledAmendmentView[]
  readonly withdrawn: FiledAmendmentView
  readonly inadmissible: FiledAmendmentView
}

async function ok(answer: Promise<{ status: number; body: unknown }>, what: string) {
  const { status, body } = await answer
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`)
  return body
}

/**
 * A short congress day for the record: four competing amendments to proposal 2 (A1 adopted by a
 * vote, A3 identical and adopted with it, A2 fallen, A4 rejected and its sub-amendment A4-S1 fallen
 * with it), one amendment to proposal 1
 * withdrawn and one ruled inadmissible, a speech on proposal 2, and proposal 2 adopted.
 */
export async function runRecordDay(plenum: TestServer): Promise<RecordDay> {
  const bureau = (await plenum.login()).token
  const c = `/congresses/${plenum.seed.congressId}`
  await setPhase(plenum, bureau, 'amendments')
  const filed = await fileCompetingAmendments(plenum, bureau)
  const voters = await importAndSignIn(plenum, bureau, [
    { name: 'Anne Autrice', role: 'delegate' },
    { name: 'Bruno Votant', role: 'attendee' },
    { name: 'Chloé Votante', role: 'attendee' },
  ])
  const anne = voters[0]!
  const p1 = plenum.seed.proposals[0]!
  const withdrawn = (await ok(call(plenum, anne.token, 'POST', `/proposals/${p1.id}/amendments`, { justification: 'Retiré ensuite.' }), 'filing')) as FiledAmendmentView
  await ok(call(plenum, anne.token, 'POST', `/amendments/${withdrawn.id}/submit`), 'submit')
  await ok(call(plenum, anne.token, 'POST', `/amendments/${withdrawn.id}/withdraw`), 'withdraw')
  const inadmissible = (await ok(call(plenum, anne.token, 'POST', `/proposals/${p1.id}/amendments`, { justification: 'Hors sujet.' }), 'filing')) as FiledAmendmentView
  await ok(call(plenum, anne.token, 'POST', `/amendments/${inadmissible.id}/submit`), 'submit')
  await ok(call(plenum, bureau, 'POST', `/amendments/${inadmissible.id}/ruling`, { admissible: false, reason: 'Sans rapport avec la proposition.' }), 'ruling')
  await ok(call(plenum, bureau, 'POST', `/amendments/${filed[0]!.id}/opinion`, { opinion: 'favorable', comment: '' }), 'opinion')
  // A sub-amendment to A4, which falls with A4 when A4 is rejected.
  const sub = (await ok(call(plenum, anne.token, 'POST', `/amendments/${filed[3]!.id}/sub-amendments`, { justification: 'Précision.' }), 'sub-amendment')) as FiledAmendmentView
  await ok(call(plenum, anne.token, 'POST', `/amendments/${sub.id}/submit`), 'submit')

  const p2 = plenum.seed.proposals[1]!
  await ok(call(plenum, bureau, 'POST', `${c}/floor/debate`, { docName: p2.docName }), 'debate')
  const turn = (await ok(call(plenum, anne.token, 'POST', `${c}/floor/requests`, { stance: 'for' }), 'ask')) as { requestId: string }
  await ok(call(plenum, bureau, 'POST', `${c}/floor/requests/${turn.requestId}/give`), 'give')
  await ok(call(plenum, bureau, 'POST', `${c}/floor/requests/${turn.requestId}/end`), 'end')

  await setPhase(plenum, bureau, 'voting')
  await checkIn(plenum, bureau, voters.map((v) => v.id))
  const ballots: [{ kind: 'amendment' | 'proposal'; id: string }, 'yes' | 'no'][] = [
    [{ kind: 'amendment', id: filed[0]!.id }, 'yes'],
    [{ kind: 'amendment', id: filed[3]!.id }, 'no'],
    [{ kind: 'proposal', id: p2.id }, 'yes'],
  ]
  for (const [subject, choice] of ballots) {
    const ballot = await openedBallot(plenum, bureau, subject)
    for (const [i, v] of voters.entries()) await vote(plenum, v.token, ballot.id, i === 2 ? 'abstain' : choice)
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
  }
  return { bureau, voters, filed, withdrawn, inadmissible }
}

/** A record document as plain lines of text, for a test to read what it says. */
export function recordText(doc: RecordDocument): string {
  const runs = (r: readonly { text: string }[]) => r.map((x) => x.text).join('')
  const line = (l: RecordLine) => `${l.number ?? ''}\t${runs(l.runs)}`
  const cell = (c: RecordCell) => (c.kind === 'lines' ? c.lines.map(line).join('\n') : c.paragraphs.map(runs).join('\n'))
  const block = (b: RecordBlock): string => {
    switch (b.kind) {
      case 'heading':
        return b.text
      case 'paragraph':
        return runs(b.runs)
      case 'list':
        return b.items.map((i) => `- ${runs(i)}`).join('\n')
      case 'lines':
        return b.lines.map(line).join('\n')
      case 'table':
        return [b.caption, b.columns.map((col) => col.title).join(' | '), ...b.rows.map((row) => row.map(cell).join(' | '))].join('\n')
    }
  }
  return doc.blocks.map(block).join('\n')
}
