import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { keyPath } from '../../server/seal/keys.ts'
import { call, checkIn, openedBallot, setPhase, step, vote } from './ballots.ts'
import { importAndSignIn } from './participants.ts'
import { startTestServer } from './test-server.ts'

export interface SealedBundle {
  /** The unzipped bundle's folder. */
  readonly dir: string
  /** The published key (/api/keys/public), saved as a file. */
  readonly publishedKey: string
  /** The seal's private key, as the operator has it. */
  readonly sealKeyPem: string
}

/** A genuine bundle to forge: the demo congress with one proposal voted on by three, frozen, downloaded and unzipped into `work`. */
export async function makeSealedBundle(work: string): Promise<SealedBundle> {
  const plenum = await startTestServer()
  try {
    const bureau = (await plenum.login()).token
    const voters = await importAndSignIn(plenum, bureau, [
      { name: 'Anne Votante', role: 'delegate' },
      { name: 'Bruno Votant', role: 'attendee' },
      { name: 'Chloé Votante', role: 'attendee' },
    ])
    await setPhase(plenum, bureau, 'voting')
    await checkIn(plenum, bureau, voters.map((v) => v.id))
    const proposal = plenum.seed.proposals[0]!
    const ballot = await openedBallot(plenum, bureau, { kind: 'proposal', id: proposal.id })
    for (const [i, v] of voters.entries()) await vote(plenum, v.token, ballot.id, i === 2 ? 'no' : 'yes')
    await step(plenum, bureau, ballot.id, 'close')
    await step(plenum, bureau, ballot.id, 'publish')
    const frozen = await call(plenum, bureau, 'POST', `/congresses/${plenum.seed.congressId}/freeze`)
    if (frozen.status !== 200) throw new Error(`freeze: ${frozen.status} ${JSON.stringify(frozen.body)}`)
    const zip = await fetch(`${plenum.baseUrl}/api/congresses/${plenum.seed.congressId}/bundle`, { headers: { authorization: `Bearer ${bureau}` } })
    writeFileSync(join(work, 'bundle.zip'), new Uint8Array(await zip.arrayBuffer()))
    execFileSync('unzip', ['-q', '-d', join(work, 'genuine'), join(work, 'bundle.zip')])
    const publishedKey = join(work, 'published.pem')
    writeFileSync(publishedKey, await (await fetch(`${plenum.baseUrl}/api/keys/public`)).text())
    const dir = join(work, 'genuine', readdirSync(join(work, 'genuine'))[0]!)
    return { dir, publishedKey, sealKeyPem: readFileSync(keyPath(plenum.dataDir), 'utf8') }
  } finally {
    await plenum.close()
  }
}
