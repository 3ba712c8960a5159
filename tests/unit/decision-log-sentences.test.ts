import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import type { AuditEntryView, AuditRefs } from '../../shared/api-types.ts'
import { isLoggedAction, logKindOf } from '../../shared/audit/log-actions.ts'
import { logContext, parseSubject } from '../../shared/audit/log-reading.ts'
import { logSentence, type LogSentences } from '../../shared/audit/log-sentence.ts'
import { enLogSentences } from '../../shared/audit/log-sentences-en.ts'
import { frLogSentences } from '../../shared/audit/log-sentences-fr.ts'

const refs: AuditRefs = {
  people: { anne: 'Anne Martin', marc: 'Marc Aubert', zoe: 'Zoé Nguyen', elodie: 'Élodie Bézier' },
  amendments: { a1: 'P2-A1' },
  texts: { 'doc-p2': { kind: 'proposal', number: 2 }, 'doc-pre': { kind: 'preamble' } },
  proposals: { p3: 3 },
  themes: { t1: 'Les services publics' },
}

let seq = 0
const entry = (action: string, payload: Record<string, unknown>, actorName = 'Élodie Bézier'): AuditEntryView => ({
  seq: ++seq,
  at: 0,
  actorId: 'someone',
  actorName,
  action,
  payload,
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
})

/** Entries the sentences read earlier ones from: a ballot's subject, who asked for the floor. */
const earlier = [entry('ballot.created', { ballotId: 'b1', subject: 'P2-A1', rule: {} }), entry('floor.asked', { requestId: 'r1', stance: 'for', docName: 'doc-p2' }, 'Anne Martin')]
const context = logContext(earlier, refs)
const say = (e: AuditEntryView, words: LogSentences) => logSentence(e, context, words)

// One representative entry per kind of the log: [entry, French, English].
const cases: [AuditEntryView, string, string][] = [
  [entry('amendment.submitted', { amendmentId: 'a9', label: 'P12-A1' }), 'Élodie Bézier a déposé P12-A1', 'Élodie Bézier filed P12-A1'],
  [entry('amendment.ruled', { amendmentId: 'a9', label: 'P12-A1', admissible: false, reason: 'Hors sujet' }, 'Le Bureau'), 'Le Bureau a déclaré P12-A1 irrecevable : Hors sujet', 'Le Bureau ruled P12-A1 inadmissible: Hors sujet'],
  [
    entry('amendment.ruling_changed', { amendmentId: 'a9', label: 'P12-A1', admissible: true, reason: 'Relu', previousReason: 'Hors sujet' }, 'Le Bureau'),
    'Le Bureau a changé sa décision sur P12-A1 : désormais recevable, motif : Relu',
    'Le Bureau changed the ruling on P12-A1: now admissible, reason: Relu',
  ],
  [entry('amendment.fell', { amendmentId: 'a9', label: 'P2-A1-S1', by: 'a1', byLabel: 'P2-A1', withParent: true }), 'P2-A1-S1 est tombé avec P2-A1', 'P2-A1-S1 fell with P2-A1'],
  [entry('ballot.opened', { ballotId: 'b1', subject: 'P2-A1', rule: {}, electorate: {} }), 'Scrutin sur P2-A1 ouvert', 'Ballot on P2-A1 opened'],
  [
    entry('ballot.closed', { ballotId: 'b2', subject: 'Propositions 3, 5 et 7 (en bloc)', yes: 12, no: 3, abstain: 1, outcome: 'adopted' }),
    'Scrutin sur les propositions 3, 5 et 7 (en bloc) clos : 12 pour, 3 contre, 1 abstention',
    'Ballot on proposals 3, 5 and 7 (as a block) closed: 12 for, 3 against, 1 abstention',
  ],
  [entry('ballot.deleted', { ballotId: 'b1' }), 'Élodie Bézier a supprimé le scrutin sur P2-A1', 'Élodie Bézier deleted the ballot on P2-A1'],
  [entry('attendance.checked_in', { participantId: 'anne', how: 'desk' }), 'Anne Martin pointé·e présent·e', 'Anne Martin checked in as present'],
  [entry('proxy.recorded', { giverId: 'marc', giverName: 'Marc Aubert', holderId: 'zoe', holderName: 'Zoé Nguyen' }), 'Pouvoir de Marc Aubert à Zoé Nguyen', 'Proxy from Marc Aubert to Zoé Nguyen'],
  [entry('proxy.revoked', { giverId: 'elodie' }), 'Pouvoir d’Élodie Bézier retiré', 'Proxy from Élodie Bézier withdrawn'],
  [entry('phase.changed', { from: 'setup', to: 'drafting' }), 'Phase : préparation → rédaction', 'Phase: setup → drafting'],
  [entry('congress.frozen', { from: 'voting', documents: 31 }), 'Motion gelée', 'Motion frozen'],
  [entry('motion.delivered', { advisorName: 'Jean Roy', institution: 'Élysée', date: '2026-12-01', channel: 'courriel' }), 'Motion remise à Jean Roy (Élysée) le 1er décembre 2026, canal : courriel', 'Motion delivered to Jean Roy (Élysée) on 1 December 2026, channel: courriel'],
  [entry('participants.imported', { count: 2, ids: ['x', 'y'] }), 'Élodie Bézier a importé 2 participants', 'Élodie Bézier imported 2 participants'],
  [
    entry('participants.reimported', { added: 1, changed: 2, unchanged: 0, addedIds: ['x'], changes: [] }),
    'Élodie Bézier a importé une liste de participants : 1 ajouté, 2 modifiés',
    'Élodie Bézier imported a list of participants: 1 added, 2 changed',
  ],
  [entry('code.revoked', { participantId: 'anne', name: 'Anne Martin' }), 'Élodie Bézier a révoqué le code d’accès d’Anne Martin', 'Élodie Bézier revoked the access code of Anne Martin'],
  [entry('floor.given', { requestId: 'r1', participantId: 'anne', stance: 'for' }), 'Élodie Bézier a donné la parole à Anne Martin (pour)', 'Élodie Bézier gave the floor to Anne Martin (for)'],
  [entry('floor.ended', { requestId: 'r1', seconds: 125 }), 'Fin de l’intervention d’Anne Martin (2 min 05 s)', 'End of Anne Martin’s speech (2 min 05 s)'],
  [entry('floor.debate', { docName: 'doc-p2' }), 'Élodie Bézier a mis en discussion la proposition 2', 'Élodie Bézier opened the debate on proposal 2'],
  [entry('theme.updated', { themeId: 't1', position: 2 }), 'Élodie Bézier a placé la question « Les services publics » en position 2', 'Élodie Bézier moved the question “Les services publics” to position 2'],
  [entry('text.restored', { docName: 'doc-pre', versionId: 'v', seq: 4 }), 'Élodie Bézier a restauré la version 4 du préambule', 'Élodie Bézier restored version 4 of the preamble'],
]

describe('the decision log’s sentences', () => {
  test.each(cases)('%# %o', (e, french, english) => {
    expect(say(e, frLogSentences)).toBe(french)
    expect(say(e, enLogSentences)).toBe(english)
  })

  test('a payload missing a field, or holding another type, gives the generic sentence naming the action', () => {
    const malformed = [
      entry('amendment.submitted', {}),
      entry('amendment.submitted', { label: 42 }),
      entry('phase.changed', { from: 'setup', to: 'nowhere' }),
      entry('ballot.closed', { subject: 'P2-A1', yes: '12', no: 3, abstain: 1, outcome: 'adopted' }),
      entry('proxy.recorded', { giverId: 'unknown-person', holderId: 'zoe' }),
      entry('floor.vote_order', { targetDoc: 'doc-p2', order: 'P2-A1' }),
      entry('ballot.room_counted', { subject: 'Motion', room: null }),
      entry('motion.delivered', { advisorName: 'A', institution: 'B', date: 'demain', channel: 'C' }),
      { ...entry('amendment.submitted', {}), payload: null as unknown as Record<string, unknown> },
    ]
    for (const e of malformed) {
      expect(say(e, frLogSentences)).toBe(`Action « ${e.action} » enregistrée`)
      expect(say(e, enLogSentences)).toBe(`Action “${e.action}” recorded`)
    }
  })

  test('an action this version does not know reads generically and belongs to no kind; a payload key named like a prototype field is not read', () => {
    expect(say(entry('congress.renamed', { to: 'X' }), frLogSentences)).toBe('Action « congress.renamed » enregistrée')
    expect(logKindOf('congress.renamed')).toBeNull()
    expect(say(entry('code.reissued', { participantId: 'constructor' }), frLogSentences)).toBe('Action « code.reissued » enregistrée')
  })

  test('the command line acts under its own name, in each language', () => {
    const byCli = { ...entry('congress.created', { title: 'Congrès 2026' }), actorId: null, actorName: 'ligne de commande' }
    expect(say(byCli, frLogSentences)).toBe('Congrès « Congrès 2026 » créé')
    expect(say(byCli, enLogSentences)).toBe('Congress “Congrès 2026” created')
  })

  test('ballot subjects: each label shape the server writes', () => {
    expect(parseSubject('Motion')).toEqual({ kind: 'motion' })
    expect(parseSubject('Proposition 4')).toEqual({ kind: 'proposal', number: '4', part: null })
    expect(parseSubject('Proposition 4, vote par division : § 2')).toEqual({ kind: 'proposal', number: '4', part: '§ 2' })
    expect(parseSubject('Amendements P2-A1, P2-A3 et P2-A4 (en bloc)')).toEqual({ kind: 'amendments', labels: ['P2-A1', 'P2-A3', 'P2-A4'] })
    expect(parseSubject('PR-A2-R1')).toEqual({ kind: 'amendment', label: 'PR-A2-R1' })
    expect(parseSubject('Autre chose')).toEqual({ kind: 'other', text: 'Autre chose' })
  })

  test('every action the server logs has its sentences (a grep of the commands’ audit calls)', () => {
    const root = fileURLToPath(new URL('../../server/', import.meta.url))
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
    const found = new Set<string>()
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8')
      for (const call of source.matchAll(/(?:audit|setStatus)\(([^\n]*)/g)) {
        for (const literal of call[1]!.matchAll(/'([a-z]+\.[a-z_]+)'/g)) found.add(literal[1]!)
      }
      for (const literal of source.matchAll(/action: '([a-z]+\.[a-z_]+)', payload/g)) found.add(literal[1]!)
    }
    // Built from a value, not a literal: `amendment.${outcome}` and present ? checked_in : checked_out.
    for (const action of ['amendment.adopted', 'amendment.rejected']) found.add(action)
    expect(found.size).toBeGreaterThan(40)
    expect([...found].filter((action) => !isLoggedAction(action))).toEqual([])
  })
})
