import type { BallotView } from '../../shared/api-types.ts'
import { ballotStatusNames } from '../../shared/ballots/ballot-status-names.ts'
import { countingMethod, electronicFigures } from '../../shared/ballots/room-count.ts'
import { toCsv } from '../../shared/csv.ts'
import { dateTimeWords, defaultTimeZone } from '../../shared/record/record-dates.ts'
import { query, type CommandActor } from '../commands/command.ts'
import { loadCongress } from '../commands/congress/congress-rows.ts'
import { congressBallots } from './ballot-list.ts'
import type { BallotPresenterDeps } from './ballot-view.ts'

const majorityNames = { simple: 'simple', absolute: 'absolue', 'two-thirds': 'deux tiers', 'three-fifths': 'trois cinquièmes' }
const baseNames = { expressed: 'suffrages exprimés', cast: 'votants', present: 'présents et représentés', entitled: 'inscrits' }
const outcomeNames = { adopted: 'adopté', rejected: 'rejeté', 'no-quorum': 'quorum non atteint' }
const countingNames = { electronic: 'sur les appareils', room: 'compté en salle', mixed: 'appareils et compté en salle' }

/**
 * The results table of the procès-verbal: one row per ballot counted. An official output, so its
 * dates are written as the minutes write them ("3 décembre 2026, 14 h 05", in the congress's time
 * zone); the JSON API keeps its ISO timestamps.
 */
export function ballotResultsCsv(ballots: readonly BallotView[], timeZone: string = defaultTimeZone): string {
  const date = (ms: number | null) => (ms === null ? '' : dateTimeWords(new Date(ms).toISOString(), timeZone, 'fr'))
  const header = [
    'Objet', 'Statut', 'Scrutin', 'Majorité', 'Base', 'Inscrits', 'Présents', 'Représentés', 'Pour', 'Contre', 'Abstentions',
    'Exprimés', 'Base de calcul', 'Seuil', 'Quorum requis', 'Quorum atteint', 'Résultat', 'Ouvert le', 'Clos le', 'Publié le', 'Empreinte du tableau',
    // The totals above are the phones and the room together; these keep them apart.
    'Décompte', 'Pour (appareils)', 'Contre (appareils)', 'Abstentions (appareils)', 'Pour (en salle)', 'Contre (en salle)', 'Abstentions (en salle)',
  ]
  const rows = ballots
    .filter((b) => b.result !== null)
    .map((b) => {
      const r = b.result!
      const e = b.electorate ?? { entitled: 0, present: 0, represented: 0 }
      const phones = electronicFigures(r, b.room)
      return [
        b.subject.label, ballotStatusNames[b.status], b.rule.secrecy === 'secret' ? 'secret' : 'public (appel nominal)', majorityNames[b.rule.majority], baseNames[b.rule.base],
        e.entitled, e.present, e.represented, r.yes, r.no, r.abstain, r.expressed, r.base, r.threshold, r.quorumRequired, r.quorumMet ? 'oui' : 'non',
        outcomeNames[r.outcome], date(b.openedAt), date(b.closedAt), date(b.publishedAt), b.chainHead ?? '',
        countingNames[countingMethod(r, b.room)], phones.yes, phones.no, phones.abstain, b.room?.yes ?? '', b.room?.no ?? '', b.room?.abstain ?? '',
      ]
    })
  return toCsv([header, ...rows])
}

/** `GET /api/congresses/:id/results.csv`: the counted ballots the reader may see. */
export function resultsCsv(deps: BallotPresenterDeps, actor: CommandActor, input: { congressId: string }) {
  return query(deps, actor, async (steps) => {
    await steps.authorize(input.congressId, 'audit.read')
    const [congress, ballots] = await Promise.all([loadCongress(deps.db, input.congressId), congressBallots(deps, input.congressId, actor.role)])
    return ballotResultsCsv(ballots, congress.time_zone)
  })
}
