import type { DeliverySlipRequest } from '../../shared/requests/seal-requests.ts'
import { query, type CommandActor, type CommandDeps } from '../commands/command.ts'
import { congressIdentity, loadCongress } from '../commands/congress/congress-rows.ts'
import { fail } from '../domain-error.ts'
import { hashAccessCode } from '../ids.ts'
import { deliverySlipPdf } from '../services/delivery-slip.ts'
import { joinLink } from '../services/join-link.ts'

/**
 * `POST /api/congresses/:id/delivery-slip.pdf`: the printable slip of a delivery, made from the
 * advisor's code its answer just showed, sent back and checked against the hash kept (as the
 * access sheet is). `baseUrl` is where the advisor opens Plenum.
 */
export function presentDeliverySlip(deps: CommandDeps, actor: CommandActor, input: { congressId: string; baseUrl: string } & DeliverySlipRequest) {
  const { congressId, deliveryId, code } = input
  return query(deps, actor, async (steps): Promise<Uint8Array<ArrayBuffer>> => {
    await steps.authorize(congressId, 'delivery.record')
    const row = await deps.db
      .selectFrom('deliveries')
      .innerJoin('participants', 'participants.id', 'deliveries.participant_id')
      .select(['advisor_name', 'institution', 'delivered_on', 'channel', 'access_code_hash', 'revoked_at'])
      .where('deliveries.congress_id', '=', congressId)
      .where('deliveries.id', '=', deliveryId)
      .executeTakeFirst()
    if (!row) throw fail('delivery_not_found', { deliveryId }, 'Cette remise n’existe pas.')
    if (row.revoked_at !== null || row.access_code_hash !== hashAccessCode(code)) {
      throw fail('delivery_code_mismatch', { deliveryId }, 'Ce code n’est pas (ou plus) celui du conseiller de cette remise.')
    }
    const [congress, seal] = await Promise.all([
      loadCongress(deps.db, congressId),
      deps.db.selectFrom('seals').select(['frozen_at', 'manifest_sha256', 'public_key_fingerprint']).where('congress_id', '=', congressId).executeTakeFirst(),
    ])
    const pdf = await deliverySlipPdf({
      congress: congressIdentity(congress),
      delivery: { advisorName: row.advisor_name, institution: row.institution, date: row.delivered_on, channel: row.channel },
      code,
      link: joinLink(input.baseUrl, code),
      seal: seal ? { frozenAt: new Date(seal.frozen_at).toISOString(), manifestSha256: seal.manifest_sha256, publicKeyFingerprint: seal.public_key_fingerprint } : null,
      timeZone: congress.time_zone,
      issuedAt: new Date(deps.clock()).toISOString(),
    })
    return new Uint8Array(pdf)
  })
}
